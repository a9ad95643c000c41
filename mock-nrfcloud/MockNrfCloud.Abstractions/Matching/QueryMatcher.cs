using System.Text.RegularExpressions;
using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>The request's query parameters (both sides decoded by <see cref="QueryParameters"/>), compared in one of
/// two named modes, see <see cref="QueryMatchMode"/>.</summary>
public sealed class QueryMatcher : IRequestFacetMatcher
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _expected;
    private readonly Regex?[] _regexes;
    private readonly HashSet<string> _expectedSet;

    /// <param name="query">The expected query as written (raw, without '?').</param>
    /// <param name="mode">Subset with regex values (the queue) or set equality ("called with").</param>
    /// <exception cref="ArgumentException">In <see cref="QueryMatchMode.SubsetWithRegexValues"/>, a value written /regex/ is not a valid regex.</exception>
    public QueryMatcher(string query, QueryMatchMode mode)
    {
        Mode = mode;
        _expected = QueryParameters.Parse(query);
        _regexes = _expected.Select(p => mode == QueryMatchMode.SubsetWithRegexValues ? RegexOf(p.Value) : null).ToArray();
        _expectedSet = SetOf(_expected);
    }

    public QueryMatchMode Mode { get; }

    /// <summary>Whether nothing is expected of the query (in subset mode: any query matches).</summary>
    public bool IsEmpty => _expected.Count == 0;

    public bool IsMatch(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Mode == QueryMatchMode.SubsetWithRegexValues && IsEmpty)
        {
            return true;
        }

        var actual = QueryParameters.Parse(request.Query);
        return Mode == QueryMatchMode.SetEquality ? _expectedSet.SetEquals(SetOf(actual)) : IsSubsetOf(actual);
    }

    public IEnumerable<string> Differences(RecordedRequest request)
    {
        if (IsMatch(request))
        {
            return [];
        }

        var actual = SetOf(QueryParameters.Parse(request.Query));
        var expected = Mode == QueryMatchMode.SetEquality ? $"{Show(_expectedSet)}" : $"at least {Show(_expectedSet)}";
        return [$"query: expected {expected} but was {Show(actual)}"];
    }

    private bool IsSubsetOf(IReadOnlyList<KeyValuePair<string, string>> actual)
    {
        for (var i = 0; i < _expected.Count; i++)
        {
            var (name, value) = _expected[i];
            var regex = _regexes[i];
            if (!actual.Any(p => p.Key == name && (regex?.IsMatch(p.Value) ?? p.Value == value)))
            {
                return false;
            }
        }

        return true;
    }

    private static Regex? RegexOf(string value) =>
        value.Length >= 2 && value.StartsWith('/') && value.EndsWith('/')
            ? new Regex(value[1..^1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : null;

    private static HashSet<string> SetOf(IEnumerable<KeyValuePair<string, string>> parameters) =>
        parameters.Select(pair => pair.Key + "=" + pair.Value).ToHashSet(StringComparer.Ordinal);

    private static string Show(HashSet<string> parameters) =>
        parameters.Count == 0 ? "none" : "{" + string.Join(", ", parameters.Order(StringComparer.Ordinal)) + "}";
}
