namespace MockNrfCloud.Abstractions;

/// <summary>One nRF Cloud request the mock received. <see cref="Query"/> is the raw query string without '?'.
/// Header names are case-insensitive; repeated headers are joined with ", ".</summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ResponseId);

/// <summary>Which recorded requests to return; null fields match anything.</summary>
public sealed record RequestFilter(string? ApiKey = null, string? Method = null, string? Path = null);
