using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// A request a test expects the mock to have recorded ("called with", SPEC 5.4), written as raw HTTP:
/// <c>METHOD /path?query HTTP/1.1</c>, headers, blank line, body; matched by <see cref="RequestMatcher.CalledWith"/>.
/// </summary>
public sealed class ExpectedRequest
{
    private ExpectedRequest(RawHttpRequest raw)
    {
        Raw = raw;
        Matcher = RequestMatcher.CalledWith(raw);
    }

    public RawHttpRequest Raw { get; }

    public RequestMatcher Matcher { get; }

    public RequestTarget Target => Matcher.Target;

    /// <exception cref="RawHttpFormatException">The raw request is malformed.</exception>
    /// <exception cref="FormatException">The body is declared JSON but does not parse.</exception>
    public static ExpectedRequest Parse(string rawRequest) => new(RawHttpRequestParser.Parse(rawRequest));

    /// <summary>Every way <paramref name="actual"/> differs; empty when it matches.</summary>
    public IReadOnlyList<string> Differences(RecordedRequest actual) => Matcher.Differences(actual);
}
