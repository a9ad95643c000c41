namespace MockNrfCloud.Abstractions.Admin;

// The JSON bodies of the mock's admin HTTP API (camelCase on the wire). Shared by the server and HttpMockNrfCloud.

/// <summary>Body of POST /mock/responses.</summary>
public sealed record QueueResponseCommand(string? ApiKey, string? Request, string? Response, bool Keep = false);

/// <summary>201 answer of POST /mock/responses.</summary>
public sealed record QueuedResponseCreated(string Id);

/// <summary>Body of POST /mock/requests/wait. Null filter fields match anything.</summary>
public sealed record WaitForRequestCommand(string? ApiKey, string? Method, string? Path, int TimeoutMs);

/// <summary>Body of POST /mock/requests/match: the raw expected request, the API keys to search, how long to wait.
/// Answered 200 with a <see cref="RequestMatchResult"/> (its match null when none arrived in time).</summary>
public sealed record MatchRequestCommand(IReadOnlyList<string>? ApiKeys, string? Request, int TimeoutMs);

/// <summary>Error body of the admin API (400, 401, 404). <see cref="Field"/> names the offending input field.</summary>
public sealed record AdminError(string Error, string? Field = null);
