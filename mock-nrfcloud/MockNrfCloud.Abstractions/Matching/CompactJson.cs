using System.Text;
using System.Text.Json;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// JSON written compactly: the whitespace between tokens removed, everything else (key order, number forms, escapes)
/// exactly as written. What the upstream runner compares a recorded body with.
/// </summary>
public static class CompactJson
{
    /// <summary>The compact form, or null when <paramref name="json"/> is not valid JSON.</summary>
    public static string? Write(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        var compact = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                compact.Append(c);
                if (c == '\\')
                {
                    compact.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                compact.Append(c);
            }
            else if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }
}
