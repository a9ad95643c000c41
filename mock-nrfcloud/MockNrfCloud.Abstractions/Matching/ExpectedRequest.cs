using System.Text.Json;
using System.Text.Json.Nodes;
using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// A request a test expects the mock to have recorded ("called with", SPEC 5.4), written as raw HTTP:
/// <c>METHOD /path?query HTTP/1.1</c>, headers, blank line, body. A recorded request matches when its
/// <see cref="RequestTarget"/> is the expected one, its query parameters are equal as sets (both sides decoded
/// by <see cref="QueryParameters"/>), every expected header is present with an equal value (names ignoring case),
/// and its body is equal: when the expected Content-Type is JSON, exactly the expected body written compactly
/// (<see cref="CompactJson"/>: key order and number forms as written); otherwise exactly the expected text.
/// </summary>
public sealed class ExpectedRequest
{
    private readonly HashSet<string> _query;
    private readonly string? _compactJsonBody;

    private ExpectedRequest(RawHttpRequest raw)
    {
        Raw = raw;
        Target = new RequestTarget(raw.Method, raw.Path);
        _query = QuerySet(raw.Query);
        if (IsJson(raw.GetHeader("Content-Type")))
        {
            _compactJsonBody = CompactJson.Write(raw.Body)
                ?? throw new FormatException($"The expected body is declared JSON but is not valid JSON:{Environment.NewLine}{raw.Body}");
        }
    }

    public RawHttpRequest Raw { get; }

    public RequestTarget Target { get; }

    /// <exception cref="RawHttpFormatException">The raw request is malformed.</exception>
    /// <exception cref="FormatException">The body is declared JSON but does not parse.</exception>
    public static ExpectedRequest Parse(string rawRequest) => new(RawHttpRequestParser.Parse(rawRequest));

    /// <summary>Every way <paramref name="actual"/> differs; empty when it matches.</summary>
    public IReadOnlyList<string> Differences(RecordedRequest actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!Target.Matches(actual))
        {
            return [$"request: expected {Target} but was {actual.Method} {actual.Path}"];
        }

        var differences = new List<string>();
        var actualQuery = QuerySet(actual.Query);
        if (!_query.SetEquals(actualQuery))
        {
            differences.Add($"query: expected {Show(_query)} but was {Show(actualQuery)}");
        }

        foreach (var (name, value) in Raw.Headers)
        {
            var actualValue = actual.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (actualValue is null)
            {
                differences.Add($"header {name}: expected '{value}' but it was missing");
            }
            else if (!string.Equals(actualValue.Trim(), value, StringComparison.Ordinal))
            {
                differences.Add($"header {name}: expected '{value}' but was '{actualValue}'");
            }
        }

        differences.AddRange(_compactJsonBody is null ? TextBodyDifferences(actual.Body) : JsonBodyDifferences(actual.Body));
        return differences;
    }

    /// <summary>Whether the Content-Type is JSON (<c>application/json</c> or <c>*/*+json</c>, any parameters).</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private IEnumerable<string> TextBodyDifferences(string actualBody) =>
        string.Equals(Raw.Body, actualBody, StringComparison.Ordinal)
            ? []
            : [$"body: expected the text '{Raw.Body}' but was '{actualBody}' ({FirstDifference.Describe(Raw.Body, actualBody)})"];

    private IEnumerable<string> JsonBodyDifferences(string actualBody)
    {
        var expected = _compactJsonBody!;
        if (string.Equals(expected, actualBody, StringComparison.Ordinal))
        {
            return [];
        }

        var differences = new List<string> { $"body: expected exactly {expected} but was {actualBody} ({FirstDifference.Describe(expected, actualBody)})" };
        try
        {
            differences.AddRange(JsonMatcher.Exact(JsonNode.Parse(expected), JsonNode.Parse(actualBody)).Select(difference => "body " + difference));
        }
        catch (JsonException)
        {
            differences.Add("body: is not JSON");
        }

        return differences;
    }

    private static HashSet<string> QuerySet(string query) =>
        QueryParameters.Parse(query).Select(pair => pair.Key + "=" + pair.Value).ToHashSet(StringComparer.Ordinal);

    private static string Show(HashSet<string> parameters) =>
        parameters.Count == 0 ? "none" : "{" + string.Join(", ", parameters.Order(StringComparer.Ordinal)) + "}";
}
