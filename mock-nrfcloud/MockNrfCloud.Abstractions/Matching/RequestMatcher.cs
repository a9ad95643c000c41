using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// The one request matcher: a <see cref="RequestTarget"/> (method and path) and the facet matchers of the details
/// (query, headers, body). The mock's queue (<see cref="ForQueue"/>), the journal's filters (<see cref="ForFilter"/>)
/// and the suite's "called with" (<see cref="CalledWith"/>) are three compositions of the same facets. A queued
/// response's pattern (<see cref="ParseQueued"/>) and a "called with" request (<see cref="ParseCalledWith"/>) are the
/// same thing written two ways: a matcher and the text it was written as.
/// </summary>
public sealed class RequestMatcher
{
    private readonly IReadOnlyList<IRequestFacetMatcher> _details;
    private readonly string? _written;

    public RequestMatcher(RequestTarget target, params IReadOnlyList<IRequestFacetMatcher> details)
        : this(null, target, details)
    {
    }

    private RequestMatcher(string? written, RequestTarget target, IReadOnlyList<IRequestFacetMatcher> details)
    {
        ArgumentNullException.ThrowIfNull(target);
        _written = written;
        Target = target;
        _details = details;
    }

    public RequestTarget Target { get; }

    /// <summary>What a queued response answers, written <c>METHOD /path[?query]</c> (<see cref="ForQueue"/>).</summary>
    /// <exception cref="RawHttpFormatException">The text is not <c>METHOD /path[?query]</c>.</exception>
    /// <exception cref="ArgumentException">A query value written /regex/ is not a valid regex.</exception>
    public static RequestMatcher ParseQueued(string requestLine)
    {
        ArgumentNullException.ThrowIfNull(requestLine);
        return ForQueue(RequestLine.Parse(requestLine.Trim()));
    }

    /// <summary>A request a test expects the mock to have recorded ("called with", SPEC 5.4), written as raw HTTP:
    /// <c>METHOD /path?query HTTP/1.1</c>, headers, blank line, body (<see cref="CalledWith"/>).</summary>
    /// <exception cref="RawHttpFormatException">The raw request is malformed.</exception>
    /// <exception cref="FormatException">The body is declared JSON but does not parse.</exception>
    public static RequestMatcher ParseCalledWith(string rawRequest) => CalledWith(RawHttpRequestParser.Parse(rawRequest));

    /// <summary>What a queued response answers: method, path and the queued query parameters
    /// (<see cref="QueryMatchMode.SubsetWithRegexValues"/>).</summary>
    /// <exception cref="ArgumentException">A query value written /regex/ is not a valid regex.</exception>
    public static RequestMatcher ForQueue(RequestLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new RequestMatcher(line.ToString(), new RequestTarget(line.Method, line.Path), [new QueryMatcher(line.Query, QueryMatchMode.SubsetWithRegexValues)]);
    }

    /// <summary>A journal filter's method and path (the API key is the journal's partition).</summary>
    public static RequestMatcher ForFilter(RequestFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new RequestMatcher(new RequestTarget(filter.Method, filter.Path));
    }

    /// <summary>"Called with" (SPEC 5.4): method, path, the query as a set (<see cref="QueryMatchMode.SetEquality"/>),
    /// the expected headers, and the body (compact JSON when the expected Content-Type is JSON).</summary>
    /// <exception cref="FormatException">The body is declared JSON but does not parse.</exception>
    public static RequestMatcher CalledWith(RawHttpRequest expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return new RequestMatcher(
            new RequestTarget(expected.Method, expected.Path),
            new QueryMatcher(expected.Query, QueryMatchMode.SetEquality),
            new HeadersMatcher(expected.Headers),
            new BodyMatcher(expected.Body, BodyMatcher.IsJson(expected.GetHeader("Content-Type"))));
    }

    public bool IsMatch(RecordedRequest request)
    {
        if (!Target.Matches(request))
        {
            return false;
        }

        foreach (var detail in _details)
        {
            if (!detail.IsMatch(request))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every way <paramref name="request"/> differs; empty when it matches. A request to another method or
    /// path is one difference (its details are not compared).</summary>
    public IReadOnlyList<string> Differences(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Target.Matches(request)
            ? _details.SelectMany(detail => detail.Differences(request)).ToList()
            : [$"request: expected {Target} but was {request.Method} {request.Path}"];
    }

    /// <summary>The request line as written (<see cref="ParseQueued"/>), else method and path.</summary>
    public override string ToString() => _written ?? Target.ToString();
}
