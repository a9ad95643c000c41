namespace MockNrfCloud.Client;

/// <summary>
/// The mock nRF Cloud as tests see it: queue canned raw-HTTP responses for an API key and inspect
/// the requests it recorded. Implemented in-process (MockNrfCloud.InProcessMockNrfCloud) and over the
/// mock's admin HTTP API (HttpMockNrfCloud), so callers do not care where it runs.
/// </summary>
public interface IMockNrfCloud
{
    /// <summary>The base URL of the mocked nRF Cloud REST API (what an account's apiEndpoint should be).</summary>
    Uri ApiEndpoint { get; }

    /// <summary>Queues <paramref name="rawResponse"/> for <paramref name="request"/> ("METHOD /path[?query]"); returns its id.</summary>
    Task<string> QueueResponseAsync(string apiKey, string request, string rawResponse, bool keep = false, CancellationToken cancellationToken = default);

    /// <summary>Recorded requests (oldest first) matching the filter; null filter fields match anything.</summary>
    Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(RequestFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The first recorded request matching the filter (also one recorded before the call), waiting server-side up to <paramref name="timeout"/>; null when none arrived.</summary>
    Task<RecordedRequest?> WaitForRequestAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Removes queued responses of one API key, or all when <paramref name="apiKey"/> is null.</summary>
    Task ClearResponsesAsync(string? apiKey = null, CancellationToken cancellationToken = default);

    /// <summary>Removes recorded requests of one API key, or all when <paramref name="apiKey"/> is null.</summary>
    Task ClearRequestsAsync(string? apiKey = null, CancellationToken cancellationToken = default);
}
