using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// What a queued response answers, written <c>METHOD /path[?query]</c>; matched by <see cref="RequestMatcher.ForQueue"/>
/// (method and path, and every query parameter of the pattern present in the request; a value written <c>/regex/</c>
/// matches as a regex).
/// </summary>
public sealed class RequestPattern
{
    private RequestPattern(RequestLine line)
    {
        Line = line;
        Matcher = RequestMatcher.ForQueue(line);
    }

    /// <summary>The request line as written, for messages.</summary>
    public RequestLine Line { get; }

    public RequestMatcher Matcher { get; }

    public RequestTarget Target => Matcher.Target;

    /// <exception cref="RawHttpFormatException">The text is not <c>METHOD /path[?query]</c>.</exception>
    /// <exception cref="ArgumentException">A query value written /regex/ is not a valid regex.</exception>
    public static RequestPattern Parse(string requestLine)
    {
        ArgumentNullException.ThrowIfNull(requestLine);
        return new RequestPattern(RequestLine.Parse(requestLine.Trim()));
    }

    public bool Matches(RecordedRequest request) => Matcher.IsMatch(request);

    public override string ToString() => Line.ToString();
}
