namespace MockNrfCloud.Abstractions.Parsing;

internal static class HeaderValues
{
    public static string? Join(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        var values = headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }
}
