using System.Text.RegularExpressions;

namespace Fota.AcceptanceTests.Support.Expressions;

/// <summary>
/// The names a JSONata expression reads from its input at the top level (outside predicates and
/// after no '.'), e.g. <c>ts</c> and <c>jobId</c> in <c>$fromMillis(ts) &amp; jobId</c>: these must be
/// variables of the scenario.
/// </summary>
public static partial class ReferencedNames
{
    private static readonly HashSet<string> Keywords = ["and", "or", "in", "true", "false", "null", "function"];

    public static IReadOnlyList<string> Of(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var topLevel = TopLevelWithoutStrings(expression);
        return Name().Matches(topLevel)
            .Select(match => match.Value)
            .Where(name => !Keywords.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The expression with string literals and the insides of [...] blanked out.</summary>
    private static string TopLevelWithoutStrings(string expression)
    {
        var chars = expression.ToCharArray();
        char? quote = null;
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (quote is not null)
            {
                if (c == '\\' && i + 1 < chars.Length)
                {
                    chars[i + 1] = ' ';
                }
                else if (c == quote)
                {
                    quote = null;
                }

                chars[i] = ' ';
                continue;
            }

            switch (c)
            {
                case '"' or '\'' or '`':
                    quote = c;
                    chars[i] = ' ';
                    continue;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    break;
                default:
                    if (depth > 0)
                    {
                        chars[i] = ' ';
                    }

                    break;
            }
        }

        return new string(chars);
    }

    // A name not preceded by '$', '.', a letter or digit (so not a function, a variable binding, a nested field or part of a number).
    [GeneratedRegex(@"(?<![\w$.])[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Name();
}
