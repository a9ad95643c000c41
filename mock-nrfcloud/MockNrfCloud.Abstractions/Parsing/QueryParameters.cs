namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Splits a raw query string ("a=1&amp;b=x%20y", with or without '?') into percent-decoded name/value
/// pairs in order. '+' is kept as is (not read as a space). A parameter without '=' has an empty value.</summary>
public static class QueryParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return [];
        }

        var text = query.StartsWith('?') ? query[1..] : query;
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return result;
    }
}
