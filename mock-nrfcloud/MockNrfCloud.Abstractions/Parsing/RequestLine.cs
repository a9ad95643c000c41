namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>A request line "METHOD /path[?query] [HTTP/x.y]". The method is upper-cased; <see cref="Query"/> is the
/// raw query string without '?' (empty when absent); <see cref="HttpVersion"/> is null when not written.</summary>
public sealed record RequestLine(string Method, string Path, string Query, string? HttpVersion)
{
    /// <summary>Parses a request line; the HTTP version is optional.</summary>
    /// <exception cref="RawHttpFormatException">The line is not "METHOD /path[?query] [HTTP/x.y]".</exception>
    public static RequestLine Parse(string line, int lineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
        {
            throw new RawHttpFormatException(lineNumber, $"expected a request line 'METHOD /path[?query] [HTTP/1.1]' but got '{line}'");
        }

        var method = parts[0];
        if (!method.All(HttpHeaderLine.IsTokenChar))
        {
            throw new RawHttpFormatException(lineNumber, $"'{method}' is not an HTTP method");
        }

        var target = parts[1];
        if (!target.StartsWith('/'))
        {
            throw new RawHttpFormatException(lineNumber, $"the request target '{target}' must start with '/' (a path, not a full URL)");
        }

        string? version = null;
        if (parts.Length == 3)
        {
            version = parts[2];
            if (!HttpVersionText.IsValid(version))
            {
                throw new RawHttpFormatException(lineNumber, $"'{version}' is not an HTTP version (expected e.g. HTTP/1.1)");
            }
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        return new RequestLine(method.ToUpperInvariant(), path, query, version);
    }

    /// <summary>"METHOD /path" or "METHOD /path?query".</summary>
    public override string ToString() => Query.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}
