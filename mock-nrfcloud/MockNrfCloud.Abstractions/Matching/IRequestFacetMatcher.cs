namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// One facet of a request (method, path, query, headers or body) compared with what is expected, in the shape of
/// WireMock.Net's <c>Matchers/Request</c>: each facet is its own matcher and <see cref="RequestMatcher"/> composes them.
/// </summary>
public interface IRequestFacetMatcher
{
    /// <summary>Whether the request's facet is the expected one (cheap: no messages built).</summary>
    bool IsMatch(RecordedRequest request);

    /// <summary>Every way the request's facet differs, written for failure messages; empty when it matches.</summary>
    IEnumerable<string> Differences(RecordedRequest request);
}
