namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>A parsed raw HTTP response as queued by a test. Headers keep their order and spelling; the mock's directive
/// lines (<c>X-Mock-…</c>) are in <see cref="Directives"/>, not in <see cref="Headers"/>.</summary>
public sealed record RawHttpResponse(
    int StatusCode,
    string ReasonPhrase,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    ResponseDirectives Directives)
{
    /// <summary>The header's value (repeated headers joined with ", "), or null when absent.</summary>
    public string? GetHeader(string name) => HeaderValues.Join(Headers, name);
}
