using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Simulator;
using MockNrfCloud.Journal;
using MockNrfCloud.NrfCloud;
using MockNrfCloud.Queueing;
using MockNrfCloud.Simulator;

namespace MockNrfCloud;

/// <summary>What the mock holds: the response queues and the request journal, with the validated operations the admin
/// HTTP API and the in-process client share (so both behave the same). In simulator mode also the simulated nRF Cloud,
/// which answers what nothing queued answers.</summary>
internal sealed class MockNrfCloudState(MockOptions options, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    /// <summary>The longest server-side wait a caller may ask for.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    private readonly ResponseQueues _queues = new();
    private readonly RequestJournal _journal = new(options.JournalLimit);
    private readonly NrfCloudSimulator? _simulator = options.Mode == MockMode.Simulator ? new NrfCloudSimulator(options.Simulator, time) : null;

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

    /// <summary>An nRF Cloud request arrived: takes the queued response of <paramref name="apiKey"/> that answers it
    /// (the oldest matching one-shot one, else the newest matching kept one, which stays); when none does and the mock
    /// simulates, the simulator answers. Records the request with the answer's id first.</summary>
    public NrfCloudAnswer Receive(string apiKey, RecordedRequest request)
    {
        var queued = _queues.TryTake(apiKey, request);
        var simulated = queued is null ? _simulator?.Answer(apiKey, request) : null;
        _journal.Record(apiKey, request with { ResponseId = queued?.Id ?? (simulated is null ? null : SimulatedAnswer.ResponseId) });
        return new NrfCloudAnswer(queued, simulated, simulated is null ? TimeSpan.Zero : _simulator!.Latency);
    }

    /// <summary>Seeds simulated devices (simulator mode only).</summary>
    /// <exception cref="MockNrfCloudInputException">No API key, no devices, or a device without id.</exception>
    /// <exception cref="InvalidOperationException">The mock is not in simulator mode.</exception>
    public void SeedDevices(string? apiKey, IReadOnlyList<DeviceSeed>? devices) =>
        (_simulator ?? throw new InvalidOperationException(NotSimulating)).Seed(apiKey, devices);

    public const string NotSimulating = "The mock is not in simulator mode; start it with Mock:Mode=Simulator.";

    /// <summary>The clock of the simulation (delays of simulated answers use it too).</summary>
    public TimeProvider Time => time;

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
