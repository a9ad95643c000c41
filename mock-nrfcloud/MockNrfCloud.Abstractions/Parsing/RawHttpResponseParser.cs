using System.Globalization;

namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Parses a raw HTTP response: "HTTP/1.1 &lt;code&gt; &lt;reason&gt;", header lines, blank line, body (CRLF or LF).
/// The reason phrase may be left out. A Content-Length header is kept here; the mock ignores it and computes its own.
/// Header lines whose names start with <c>X-Mock-</c> are the mock's directives (<see cref="ResponseDirectives"/>), not headers.</summary>
public static class RawHttpResponseParser
{
    /// <exception cref="RawHttpFormatException">The text is malformed; the message names the line and the problem.</exception>
    public static RawHttpResponse Parse(string raw)
    {
        var text = RawHttpText.Split(raw, "response");
        var (statusCode, reason) = ParseStatusLine(text.StartLine, text.StartLineNumber);
        var lines = text.HeaderLines.Select(h => (h.LineNumber, Header: HttpHeaderLine.Parse(h.LineNumber, h.Text))).ToList();
        var headers = lines.Where(l => !ResponseDirectives.IsDirective(l.Header.Key)).Select(l => l.Header).ToList();
        var directives = ResponseDirectives.Parse(lines.Where(l => ResponseDirectives.IsDirective(l.Header.Key)));
        return new RawHttpResponse(statusCode, reason, headers, text.Body, directives);
    }

    private static (int StatusCode, string Reason) ParseStatusLine(string line, int lineNumber)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !HttpVersionText.IsValid(parts[0]))
        {
            throw new RawHttpFormatException(lineNumber, $"expected a status line 'HTTP/1.1 <code> <reason>' but got '{line}'");
        }

        if (parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || code is < 100 or > 599)
        {
            throw new RawHttpFormatException(lineNumber, $"status code '{parts[1]}' is not a number from 100 to 599");
        }

        return (code, parts.Length == 3 ? parts[2].Trim() : string.Empty);
    }
}
