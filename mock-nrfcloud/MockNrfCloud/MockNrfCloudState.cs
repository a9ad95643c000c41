using MockNrfCloud.Abstractions;
using MockNrfCloud.Journal;
using MockNrfCloud.Queueing;

namespace MockNrfCloud;

/// <summary>What the mock holds: the response queues and the request journal, with the validated operations the admin
/// HTTP API and the in-process client share (so both behave the same).</summary>
internal sealed class MockNrfCloudState(MockOptions options) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    /// <summary>The longest server-side wait a caller may ask for.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public ResponseQueues Queues { get; } = new();

    public RequestJournal Journal { get; } = new(options.JournalLimit);

    /// <summary>Cancelled when the server stops, so delayed answers do not hold the shutdown.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <exception cref="MockNrfCloudInputException">A field is missing or cannot be parsed.</exception>
    public string Queue(string? apiKey, string? request, string? rawResponse, bool keep)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new MockNrfCloudInputException("apiKey", $"apiKey is required (use '{ApiKeyPartition.Anonymous}' for requests without a bearer key)");
        }

        var queued = QueuedResponse.Create(request, rawResponse, keep);
        Queues.Enqueue(apiKey, queued);
        return queued.Id;
    }

    /// <exception cref="MockNrfCloudInputException">The timeout is negative or longer than <see cref="MaxWait"/>.</exception>
    public Task<RecordedRequest?> WaitAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero || timeout > MaxWait)
        {
            throw new MockNrfCloudInputException("timeout", $"the timeout must be from 0 to {MaxWait.TotalMilliseconds} ms, not {timeout.TotalMilliseconds} ms");
        }

        return Journal.WaitAsync(filter, timeout, cancellationToken);
    }

    /// <summary>Ends every delayed answer (the server is stopping).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stopping.Cancel();
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }
}
