using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fota.AcceptanceTests.Support.Expressions;

/// <summary>
/// Replaces <c>${expr}</c> in step text and doc strings with the value of the expression (strings
/// as they are, other values as JSON). In JSON doc strings <c>"$number{expr}"</c> (quotes included)
/// becomes the bare JSON value, and strings inserted with <c>${expr}</c> are JSON-escaped because they
/// land inside a JSON string.
/// </summary>
public static class Placeholders
{
    private const string NumberMarker = "\"$number{";

    /// <summary>Substitutes in plain text (step arguments, raw HTTP).</summary>
    public static string InText(string text, Func<string, JsonNode?> evaluate) => Substitute(text, evaluate, json: false);

    /// <summary>Substitutes in a JSON doc string, including <c>"$number{expr}"</c>.</summary>
    public static string InJson(string text, Func<string, JsonNode?> evaluate) => Substitute(text, evaluate, json: true);

    private static string Substitute(string text, Func<string, JsonNode?> evaluate, bool json)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evaluate);
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (json && string.CompareOrdinal(text, index, NumberMarker, 0, NumberMarker.Length) == 0)
            {
                var close = ClosingBrace(text, index + NumberMarker.Length - 1);
                if (close + 1 >= text.Length || text[close + 1] != '"')
                {
                    throw new FormatException($"\"$number{{…}}\" must end with '}}\"' (at position {index}).");
                }

                var expression = text[(index + NumberMarker.Length)..close];
                result.Append(evaluate(expression)?.ToJsonString() ?? "null");
                index = close + 2;
            }
            else if (text[index] == '$' && index + 1 < text.Length && text[index + 1] == '{')
            {
                var close = ClosingBrace(text, index + 1);
                var expression = text[(index + 2)..close];
                var value = AsText(evaluate(expression));
                result.Append(json ? JsonEscaped(value) : value);
                index = close + 1;
            }
            else
            {
                result.Append(text[index]);
                index++;
            }
        }

        return result.ToString();
    }

    /// <summary>A value as it appears in text: strings without quotes, everything else as compact JSON.</summary>
    public static string AsText(JsonNode? value) =>
        value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            ? scalar.GetValue<string>()
            : value?.ToJsonString() ?? "null";

    private static string JsonEscaped(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return quoted[1..^1];
    }

    /// <summary>The index of the '}' closing the '{' at <paramref name="open"/>, skipping braces in quoted strings.</summary>
    private static int ClosingBrace(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        throw new FormatException($"'{{' at position {open} is never closed in: {text}");
    }
}
