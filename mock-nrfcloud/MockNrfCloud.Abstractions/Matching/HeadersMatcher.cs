namespace MockNrfCloud.Abstractions.Matching;

/// <summary>Every expected header is present in the request with an equal value (names ignoring case, the recorded
/// value trimmed); other headers do not matter.</summary>
public sealed class HeadersMatcher(IReadOnlyList<KeyValuePair<string, string>> expected) : IRequestFacetMatcher
{
    public bool IsMatch(RecordedRequest request) => !Differences(request).Any();

    public IEnumerable<string> Differences(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in expected)
        {
            var actualValue = request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (actualValue is null)
            {
                yield return $"header {name}: expected '{value}' but it was missing";
            }
            else if (!string.Equals(actualValue.Trim(), value, StringComparison.Ordinal))
            {
                yield return $"header {name}: expected '{value}' but was '{actualValue}'";
            }
        }
    }
}
