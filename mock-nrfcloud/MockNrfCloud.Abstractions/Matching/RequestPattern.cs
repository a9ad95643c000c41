using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// What a queued response answers: <c>METHOD /path[?query]</c>. A request matches when method and path are the
/// target's and every query parameter of the pattern is present in the request (a subset; a value written
/// <c>/regex/</c> matches as a regex), see <see cref="QueryParameterMatcher"/>.
/// </summary>
public sealed class RequestPattern
{
    private RequestPattern(RequestLine line, RequestTarget target, IReadOnlyList<QueryParameterMatcher> query)
    {
        Line = line;
        Target = target;
        Query = query;
    }

    /// <summary>The request line as written, for messages.</summary>
    public RequestLine Line { get; }

    public RequestTarget Target { get; }

    public IReadOnlyList<QueryParameterMatcher> Query { get; }

    /// <exception cref="RawHttpFormatException">The text is not <c>METHOD /path[?query]</c>.</exception>
    /// <exception cref="ArgumentException">A query value written /regex/ is not a valid regex.</exception>
    public static RequestPattern Parse(string requestLine)
    {
        ArgumentNullException.ThrowIfNull(requestLine);
        var line = RequestLine.Parse(requestLine.Trim());
        var query = QueryParameters.Parse(line.Query).Select(p => QueryParameterMatcher.Create(p.Key, p.Value)).ToList();
        return new RequestPattern(line, new RequestTarget(line.Method, line.Path), query);
    }

    /// <summary>Whether a request (normalised path, decoded query parameters) is answered by this pattern.</summary>
    public bool Matches(string method, string normalizedPath, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Target.Matches(method, normalizedPath) && Query.All(matcher => matcher.IsSatisfiedBy(parameters));

    public override string ToString() => Line.ToString();
}
