namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>A parsed raw HTTP request, as written in a test ("called with" assertions).
/// Headers keep their order and spelling; look them up with <see cref="GetHeader"/> (case-insensitive).</summary>
public sealed record RawHttpRequest(
    string Method,
    string Path,
    string Query,
    string? HttpVersion,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body)
{
    /// <summary>The header's value (repeated headers joined with ", "), or null when absent.</summary>
    public string? GetHeader(string name) => HeaderValues.Join(Headers, name);

    /// <summary>The query parameters, percent-decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters => Parsing.QueryParameters.Parse(Query);
}
