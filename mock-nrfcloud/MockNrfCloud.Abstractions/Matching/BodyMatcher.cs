using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// The request body: when the expected Content-Type is JSON, exactly the expected body written compactly
/// (<see cref="CompactJson"/>: key order and number forms as written); otherwise exactly the expected text.
/// A JSON difference names the first differing character and the JSON path of each differing value.
/// </summary>
public sealed class BodyMatcher : IRequestFacetMatcher
{
    private readonly string _expected;
    private readonly bool _json;

    /// <exception cref="FormatException">The body is declared JSON but does not parse.</exception>
    public BodyMatcher(string expected, bool json)
    {
        ArgumentNullException.ThrowIfNull(expected);
        _json = json;
        _expected = json
            ? CompactJson.Write(expected) ?? throw new FormatException($"The expected body is declared JSON but is not valid JSON:{Environment.NewLine}{expected}")
            : expected;
    }

    public bool IsMatch(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(_expected, request.Body, StringComparison.Ordinal);
    }

    public IEnumerable<string> Differences(RecordedRequest request)
    {
        if (IsMatch(request))
        {
            return [];
        }

        var actualBody = request.Body;
        if (!_json)
        {
            return [$"body: expected the text '{_expected}' but was '{actualBody}' ({FirstDifference.Describe(_expected, actualBody)})"];
        }

        var differences = new List<string> { $"body: expected exactly {_expected} but was {actualBody} ({FirstDifference.Describe(_expected, actualBody)})" };
        try
        {
            differences.AddRange(JsonMatcher.Exact(JsonNode.Parse(_expected), JsonNode.Parse(actualBody)).Select(difference => "body " + difference));
        }
        catch (JsonException)
        {
            differences.Add("body: is not JSON");
        }

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
}
