namespace MockNrfCloud.Abstractions;

/// <summary>
/// The mock nRF Cloud as tests see it: queue canned raw-HTTP responses for an API key and inspect
/// the requests it recorded. Implemented in-process (MockNrfCloud.InProcessMockNrfCloud) and over the
/// mock's admin HTTP API (HttpMockNrfCloud), so callers do not care where it runs.
/// Queues and journal are partitioned by the nRF Cloud request's bearer API key; requests without one belong to the
/// key "anonymous". Invalid input throws <see cref="MockNrfCloudInputException"/> from both implementations.
/// </summary>
public interface IMockNrfCloud
{
    /// <summary>The base URL of the mocked nRF Cloud REST API (what an account's apiEndpoint should be).</summary>
    Uri ApiEndpoint { get; }

    /// <summary>Queues <paramref name="rawResponse"/> for <paramref name="request"/> ("METHOD /path[?query]"); returns its id.
    /// A request with the same method and path whose query contains every queued parameter (a value written "/regex/"
    /// matches as a regex) is answered by the oldest such one-shot response (used once); only when none matches, by the
    /// newest such response queued with <paramref name="keep"/> (it stays), so a later kept answer replaces an earlier one.</summary>
    /// <exception cref="MockNrfCloudInputException">apiKey is empty, or the request line or raw response cannot be parsed
    /// (ParamName "apiKey", "request" or "rawResponse"; the message names the line and the problem).</exception>
    Task<string> QueueResponseAsync(string apiKey, string request, string rawResponse, bool keep = false, CancellationToken cancellationToken = default);

    /// <summary>Recorded requests (oldest first) matching the filter; null filter fields match anything.</summary>
    Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(RequestFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The first recorded request matching the filter (also one recorded before the call), waiting server-side up to <paramref name="timeout"/>; null when none arrived.</summary>
    /// <exception cref="MockNrfCloudInputException">The timeout is negative or longer than 10 minutes (ParamName "timeout").</exception>
    Task<RecordedRequest?> WaitForRequestAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// "Called with" in one call: the first request recorded for any of <paramref name="apiKeys"/> that matches
    /// <paramref name="expectedRequest"/> (raw HTTP, SPEC 5.4: method, path, query as a set, expected headers, body),
    /// also one recorded before the call, waiting server-side up to <paramref name="timeout"/>; with the nearest misses
    /// and everything recorded for those keys.
    /// </summary>
    /// <exception cref="MockNrfCloudInputException">No API key, an unparsable expected request, or a timeout out of range
    /// (ParamName "apiKeys", "expectedRequest" or "timeout").</exception>
    Task<RequestMatchResult> MatchRequestAsync(IReadOnlyCollection<string> apiKeys, string expectedRequest, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Removes queued responses of one API key, or all when <paramref name="apiKey"/> is null.</summary>
    Task ClearResponsesAsync(string? apiKey = null, CancellationToken cancellationToken = default);

    /// <summary>Removes recorded requests of one API key, or all when <paramref name="apiKey"/> is null.</summary>
    Task ClearRequestsAsync(string? apiKey = null, CancellationToken cancellationToken = default);
}
