namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Parses a raw HTTP request: "METHOD /path?query HTTP/1.1", header lines, blank line, body (CRLF or LF).
/// The HTTP version may be left out.</summary>
public static class RawHttpRequestParser
{
    /// <exception cref="RawHttpFormatException">The text is malformed; the message names the line and the problem.</exception>
    public static RawHttpRequest Parse(string raw)
    {
        var text = RawHttpText.Split(raw, "request");
        var line = RequestLine.Parse(text.StartLine, text.StartLineNumber);
        var headers = text.HeaderLines.Select(h => HttpHeaderLine.Parse(h.LineNumber, h.Text)).ToList();
        return new RawHttpRequest(line.Method, line.Path, line.Query, line.HttpVersion, headers, text.Body);
    }
}
