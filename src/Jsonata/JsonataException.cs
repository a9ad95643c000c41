namespace Jsonata;

/// <summary>A JSONata error with the language's error code (e.g. S0201, T2001) and the character position.</summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int position = -1, string? token = null)
        : base($"{code}: {message}" + Where(position, token))
    {
        Code = code;
        Position = position;
        Token = token;
        Detail = message;
    }

    public JsonataException()
        : this("D0000", "JSONata error")
    {
    }

    public JsonataException(string message)
        : this("D0000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "D0000";
        Position = -1;
        Detail = message;
    }

    private static string Where(int position, string? token) => (position, token) switch
    {
        ( >= 0, not null) => $" (at position {position}, token \"{token}\")",
        ( >= 0, null) => $" (at position {position})",
        (_, not null) => $" (token \"{token}\")",
        _ => string.Empty,
    };

    public string Code { get; }

    public int Position { get; }

    public string? Token { get; }

    /// <summary>The message without code and position.</summary>
    internal string Detail { get; }

    /// <summary>The same error located at the expression that raised it (keeps an already known position).</summary>
    internal JsonataException Locate(int position, string? token) =>
        Position >= 0 ? this : new JsonataException(Code, Detail, position, Token ?? token);
}
