using System.Text;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Queueing;

/// <summary>A canned response waiting in an API key's queue for requests matching <see cref="Pattern"/>.</summary>
internal sealed class QueuedResponse
{
    private static readonly HashSet<string> HeadersTheMockComputes = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    private QueuedResponse(string id, RequestMatcher pattern, RawHttpResponse response, bool keep)
    {
        Id = id;
        Pattern = pattern;
        Response = response;
        Keep = keep;
        Headers = response.Headers.Where(h => !HeadersTheMockComputes.Contains(h.Key)).ToList();
        Body = Encoding.UTF8.GetBytes(response.Body);
    }

    public string Id { get; }

    /// <summary>The requests this response answers (method, path, query parameters), as queued.</summary>
    public RequestMatcher Pattern { get; }

    public RawHttpResponse Response { get; }

    /// <summary>Delay and drop, from the response's X-Mock-… lines (never sent).</summary>
    public ResponseDirectives Directives => Response.Directives;

    /// <summary>Kept responses answer every match until removed; the others answer once.</summary>
    public bool Keep { get; }

    /// <summary>Headers to send: as queued, without Content-Length / Transfer-Encoding (the mock computes the length).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body as UTF-8 bytes.</summary>
    public byte[] Body { get; }

    /// <exception cref="MockNrfCloudInputException">The request key or the raw response cannot be parsed.</exception>
    public static QueuedResponse Create(string? request, string? rawResponse, bool keep)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            throw new MockNrfCloudInputException("request", "request is required: 'METHOD /path[?query]', e.g. 'GET /v1/fota-jobs/abc?x=1'");
        }

        if (rawResponse is null)
        {
            throw new MockNrfCloudInputException("rawResponse", "response is required: a raw HTTP response 'HTTP/1.1 200 OK', headers, blank line, body");
        }

        RequestMatcher pattern;
        try
        {
            pattern = RequestMatcher.ParseQueued(request);
        }
        catch (RawHttpFormatException e)
        {
            throw new MockNrfCloudInputException("request", $"request '{request}' cannot be parsed: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new MockNrfCloudInputException("request", $"request '{request}' has a query value written /regex/ that is not a valid regex: {e.Message}");
        }

        RawHttpResponse response;
        try
        {
            response = RawHttpResponseParser.Parse(rawResponse);
        }
        catch (RawHttpFormatException e)
        {
            throw new MockNrfCloudInputException("rawResponse", $"response cannot be parsed: {e.Message}");
        }

        if (response.Body.Length > 0 && response.StatusCode is < 200 or 204 or 304)
        {
            throw new MockNrfCloudInputException("rawResponse", $"a {response.StatusCode} response cannot have a body (HTTP forbids it); remove the body or pick another status");
        }

        return new QueuedResponse(Guid.NewGuid().ToString("N"), pattern, response, keep);
    }

    /// <summary>Whether this response answers the request (its path normalised by <see cref="RequestPaths"/>).</summary>
    public bool Matches(RecordedRequest request) => Pattern.IsMatch(request);
}
