namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Splits raw HTTP text (CRLF or LF line ends) into a start line, header lines and a body.
/// Blank lines before the start line are skipped; the body is everything after the first blank line, verbatim.</summary>
internal sealed record RawHttpText(string StartLine, int StartLineNumber, IReadOnlyList<(int LineNumber, string Text)> HeaderLines, string Body)
{
    public static RawHttpText Split(string raw, string what)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var position = 0;
        var lineNumber = 0;
        string? startLine = null;
        var startLineNumber = 0;
        var headerLines = new List<(int, string)>();

        while (position < raw.Length)
        {
            var (line, next) = ReadLine(raw, position);
            lineNumber++;
            position = next;
            if (startLine is null)
            {
                if (line.Length > 0)
                {
                    startLine = line;
                    startLineNumber = lineNumber;
                }

                continue;
            }

            if (line.Length == 0)
            {
                return new RawHttpText(startLine, startLineNumber, headerLines, raw[position..]);
            }

            headerLines.Add((lineNumber, line));
        }

        if (startLine is null)
        {
            throw new RawHttpFormatException(Math.Max(lineNumber, 1), $"the {what} is empty; expected a {what} line first");
        }

        return new RawHttpText(startLine, startLineNumber, headerLines, string.Empty);
    }

    private static (string Line, int Next) ReadLine(string raw, int position)
    {
        var end = raw.IndexOf('\n', position);
        if (end < 0)
        {
            return (raw[position..], raw.Length);
        }

        var lineEnd = end > position && raw[end - 1] == '\r' ? end - 1 : end;
        return (raw[position..lineEnd], end + 1);
    }
}
