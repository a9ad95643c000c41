namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Parses one "Name: value" header line.</summary>
internal static class HttpHeaderLine
{
    public static KeyValuePair<string, string> Parse(int lineNumber, string line)
    {
        if (char.IsWhiteSpace(line[0]))
        {
            throw new RawHttpFormatException(lineNumber, $"header line starts with whitespace (folded headers are not supported): '{line}'");
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new RawHttpFormatException(lineNumber, $"header line has no ':' (expected 'Name: value'): '{line}'");
        }

        var name = line[..colon];
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            throw new RawHttpFormatException(lineNumber, $"header name '{name}' is empty or contains characters not allowed in a header name");
        }

        return new KeyValuePair<string, string>(name, line[(colon + 1)..].Trim());
    }

    internal static bool IsTokenChar(char c) =>
        c is > ' ' and < (char)127 && "\"(),/:;<=>?@[\\]{}".IndexOf(c, StringComparison.Ordinal) < 0;
}
