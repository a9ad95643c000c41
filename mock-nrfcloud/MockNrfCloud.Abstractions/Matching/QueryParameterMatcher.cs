using System.Text.RegularExpressions;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>One query parameter a queued response requires: the request must carry a parameter with this name whose
/// value equals <see cref="Expected"/>, or, when written "/regex/", matches the regex (unanchored: use ^...$ for a full match).</summary>
public sealed class QueryParameterMatcher
{
    private readonly Regex? _regex;

    private QueryParameterMatcher(string name, string expected, Regex? regex)
    {
        Name = name;
        Expected = expected;
        _regex = regex;
    }

    public string Name { get; }

    public string Expected { get; }

    /// <exception cref="ArgumentException">The value is written as /regex/ but is not a valid regex.</exception>
    public static QueryParameterMatcher Create(string name, string expected)
    {
        if (expected.Length >= 2 && expected.StartsWith('/') && expected.EndsWith('/'))
        {
            var pattern = expected[1..^1];
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new QueryParameterMatcher(name, expected, regex);
        }

        return new QueryParameterMatcher(name, expected, null);
    }

    public bool IsSatisfiedBy(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name == Name && (_regex?.IsMatch(value) ?? value == Expected))
            {
                return true;
            }
        }

        return false;
    }
}
