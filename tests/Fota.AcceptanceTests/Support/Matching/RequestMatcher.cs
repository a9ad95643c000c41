using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockNrfCloud.Client;
using MockNrfCloud.Client.Parsing;

namespace Fota.AcceptanceTests.Support.Matching;

/// <summary>
/// SPEC 5.4: a recorded request matches the expected raw request when method and path are equal,
/// query parameters are equal as sets, every expected header is present with an equal value (names
/// case-insensitive), and the body is equal: as JSON values when the expected Content-Type is JSON,
/// otherwise as exact text.
/// </summary>
public static class RequestMatcher
{
    /// <summary>Every way <paramref name="actual"/> differs from <paramref name="expected"/>; empty when it matches.</summary>
    public static IReadOnlyList<string> Differences(RawHttpRequest expected, RecordedRequest actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (!SameTarget(expected, actual))
        {
            differences.Add($"request: expected {expected.Method} {expected.Path} but was {actual.Method} {actual.Path}");
            return differences;
        }

        var expectedQuery = QuerySet(expected.Query);
        var actualQuery = QuerySet(actual.Query);
        if (!expectedQuery.SetEquals(actualQuery))
        {
            differences.Add($"query: expected {Show(expectedQuery)} but was {Show(actualQuery)}");
        }

        foreach (var (name, value) in expected.Headers)
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

        differences.AddRange(BodyDifferences(expected, actual.Body));
        return differences;
    }

    /// <summary>Whether method and path are those expected (the part the mock's server-side wait filters on).</summary>
    public static bool SameTarget(RawHttpRequest expected, RecordedRequest actual) =>
        string.Equals(expected.Method, actual.Method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(expected.Path, actual.Path, StringComparison.Ordinal);

    /// <summary>Whether the expected Content-Type is JSON (<c>application/json</c> or <c>*/*+json</c>, any parameters).</summary>
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

    private static IEnumerable<string> BodyDifferences(RawHttpRequest expected, string actualBody)
    {
        if (!IsJson(expected.GetHeader("Content-Type")))
        {
            return string.Equals(expected.Body, actualBody, StringComparison.Ordinal)
                ? []
                : [$"body: expected the text '{expected.Body}' but was '{actualBody}'"];
        }

        JsonNode? expectedJson;
        try
        {
            expectedJson = JsonNode.Parse(expected.Body);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The expected body is declared JSON but does not parse: {e.Message}{Environment.NewLine}{expected.Body}", e);
        }

        JsonNode? actualJson;
        try
        {
            actualJson = JsonNode.Parse(actualBody);
        }
        catch (JsonException)
        {
            return [$"body: expected JSON {JsonMatcher.Show(expectedJson)} but was not JSON: '{actualBody}'"];
        }

        return JsonMatcher.Exact(expectedJson, actualJson).Select(difference => "body " + difference);
    }

    /// <summary>Query parameters (decoded by the mock's parser) as a set of name=value pairs.</summary>
    public static HashSet<string> QuerySet(string query) =>
        QueryParameters.Parse(query).Select(pair => pair.Key + "=" + pair.Value).ToHashSet(StringComparer.Ordinal);

    private static string Show(HashSet<string> parameters) =>
        parameters.Count == 0 ? "none" : "{" + string.Join(", ", parameters.Order(StringComparer.Ordinal)) + "}";

    /// <summary>A recorded request as raw HTTP, for failure messages.</summary>
    public static string Describe(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder()
            .Append(request.Method).Append(' ').Append(request.Path)
            .Append(request.Query.Length > 0 ? "?" + request.Query : string.Empty)
            .Append(" (at ").Append(request.Time.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(')')
            .AppendLine();
        foreach (var (name, value) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("    ").Append(name).Append(": ").AppendLine(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? Redact(value) : value);
        }

        if (request.Body.Length > 0)
        {
            text.Append("    ").AppendLine(request.Body.Length <= 1000 ? request.Body : request.Body[..1000] + "…");
        }

        return text.ToString();
    }

    private static string Redact(string authorization) =>
        authorization.Length <= 16 ? authorization : authorization[..16] + "…";
}
