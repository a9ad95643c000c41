using System.Globalization;
using System.Text;

namespace Fota.FeatureRunner.Generator;

/// <summary>C# names from Gherkin titles: <c>Schedule the FOTA job</c> → <c>ScheduleTheFOTAJob</c>.</summary>
internal static class Identifiers
{
    public static string Pascal(string text)
    {
        var result = new StringBuilder();
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                result.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    /// <summary><paramref name="name"/>, or with a number appended when it is taken; the result is added to <paramref name="taken"/>.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var result = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    result.Append("\\\"");
                    break;
                case '\\':
                    result.Append("\\\\");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }
}
