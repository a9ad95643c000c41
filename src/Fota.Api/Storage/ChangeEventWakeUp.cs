using System.Threading.Channels;

namespace Fota.Api.Storage;

/// <summary>
/// How the change-event follower learns that new events may be stored. The stores call <see cref="Committed"/> after
/// committing an event, which wakes this instance's follower at once; events of other instances are found by
/// <see cref="WaitAsync"/> returning anyway (SQLite: after the polling interval; PostgreSQL: on a NOTIFY, with the same
/// interval as a safety net).
/// </summary>
public interface IChangeEventWakeUp
{
    /// <summary>This instance committed at least one change event.</summary>
    void Committed();

    /// <summary>Returns when events may be waiting: after <see cref="Committed"/>, or at the latest after <paramref name="pollInterval"/>.</summary>
    Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken);
}

/// <summary>The SQLite wake-up: this instance's commits at once, everything else every poll interval.</summary>
public sealed class PollingChangeEventWakeUp(TimeProvider timeProvider) : IChangeEventWakeUp
{
    private readonly WakeSignal _committed = new();

    public void Committed() => _committed.Notify();

    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _committed.WaitAsync(pollInterval, timeProvider, cancellationToken);
}

/// <summary>Wakes one waiter at once. Many signals before a wake-up count as one.</summary>
public class WakeSignal
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
