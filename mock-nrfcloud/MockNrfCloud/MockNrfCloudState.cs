using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
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

    private readonly ResponseQueues _queues = new();
    private readonly RequestJournal _journal = new(options.JournalLimit);

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
        _queues.Enqueue(apiKey, queued);
        return queued.Id;
    }

    /// <exception cref="MockNrfCloudInputException">The timeout is negative or longer than <see cref="MaxWait"/>.</exception>
    public Task<RecordedRequest?> WaitAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        CheckTimeout(timeout);
        return _journal.WaitAsync(filter, timeout, cancellationToken);
    }

    /// <summary>"Called with" in one step, see <see cref="IMockNrfCloud.MatchRequestAsync"/>.</summary>
    /// <exception cref="MockNrfCloudInputException">No API key, an unparsable expected request, or a timeout out of range.</exception>
    public Task<RequestMatchResult> MatchAsync(IReadOnlyCollection<string>? apiKeys, string? expectedRequest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (apiKeys is null || apiKeys.Count == 0 || apiKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new MockNrfCloudInputException("apiKeys", "apiKeys is required: one or more API keys whose requests to search");
        }

        if (string.IsNullOrWhiteSpace(expectedRequest))
        {
            throw new MockNrfCloudInputException("expectedRequest", "request is required: the expected request as raw HTTP ('POST /v1/fota-jobs HTTP/1.1', headers, blank line, body)");
        }

        RequestMatcher expected;
        try
        {
            expected = RequestMatcher.ParseCalledWith(expectedRequest);
        }
        catch (FormatException e)
        {
            // RawHttpFormatException (malformed) and a body declared JSON that does not parse.
            throw new MockNrfCloudInputException("expectedRequest", $"the expected request cannot be parsed: {e.Message}");
        }

        CheckTimeout(timeout);
        return _journal.MatchAsync(apiKeys, expected, timeout, cancellationToken);
    }

    private static void CheckTimeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero || timeout > MaxWait)
        {
            throw new MockNrfCloudInputException("timeout", $"the timeout must be from 0 to {MaxWait.TotalMilliseconds} ms, not {timeout.TotalMilliseconds} ms");
        }
    }

    /// <summary>An nRF Cloud request arrived: takes the oldest queued response of <paramref name="apiKey"/> that answers it
    /// (kept ones stay), records the request with that response's id, and returns the response (null: nothing queued).</summary>
    public QueuedResponse? Receive(string apiKey, RecordedRequest request)
    {
        var queued = _queues.TryTake(apiKey, request);
        _journal.Record(apiKey, request with { ResponseId = queued?.Id });
        return queued;
    }

    /// <summary>What is queued for <paramref name="apiKey"/>, oldest first.</summary>
    public IReadOnlyList<QueuedResponse> QueuedFor(string apiKey) => _queues.Snapshot(apiKey);

    /// <summary>Recorded requests matching the filter, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> FindRequests(RequestFilter filter) => _journal.Find(filter);

    /// <summary>Removes the queued responses of one API key, or of every key when null.</summary>
    public void ClearResponses(string? apiKey) => _queues.Clear(apiKey);

    /// <summary>Forgets the recorded requests of one API key, or of every key when null.</summary>
    public void ClearRequests(string? apiKey) => _journal.Clear(apiKey);

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
