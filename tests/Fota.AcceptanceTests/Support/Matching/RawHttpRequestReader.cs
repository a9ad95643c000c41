namespace Fota.AcceptanceTests.Support.Matching;

/// <summary>Reads the raw HTTP request text of a "called with" step.</summary>
public static class RawHttpRequestReader
{
    public static RawHttpRequest Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = normalized.Split('\n');
        var requestLine = lines[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length is < 2 or > 3 || (requestLine.Length == 3 && !requestLine[2].StartsWith("HTTP/", StringComparison.Ordinal)))
        {
            throw new FormatException($"Expected a request line 'METHOD /path?query HTTP/1.1' but read '{lines[0]}'.");
        }

        var target = requestLine[1];
        var questionMark = target.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? target : target[..questionMark];
        var query = questionMark < 0 ? string.Empty : target[(questionMark + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Expected a header line 'Name: value' but read '{lines[index]}'.");
            }

            headers.Add(new(lines[index][..colon].Trim(), lines[index][(colon + 1)..].Trim()));
        }

        var body = index + 1 < lines.Length ? string.Join('\n', lines[(index + 1)..]) : string.Empty;
        return new RawHttpRequest(requestLine[0].ToUpperInvariant(), path, query, requestLine.Length == 3 ? requestLine[2] : null, headers, body);
    }
}
