using System.Threading.Channels;

namespace Fota.Api.Fota;

/// <summary>Wakes the status poller at once (a new job wants its first poll). Many signals before a wake-up count as one.</summary>
public sealed class PollSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="timeout"/> on <paramref name="timeProvider"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }

        using var waitEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, timeProvider, waitEnded.Token);
        var signalled = _channel.Reader.WaitToReadAsync(waitEnded.Token).AsTask();
        await Task.WhenAny(delay, signalled);
        await waitEnded.CancelAsync();
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
