using System.Text;
using MockNrfCloud.Client;
using MockNrfCloud.Client.Parsing;

namespace MockNrfCloud.Queueing;

/// <summary>A canned response waiting in an API key's queue for requests matching <see cref="Key"/>.</summary>
internal sealed class QueuedResponse
{
    private static readonly HashSet<string> HeadersTheMockComputes = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    private QueuedResponse(string id, RequestLine key, IReadOnlyList<QueryParameterMatcher> query, RawHttpResponse response, bool keep)
    {
        Id = id;
        Key = key;
        Query = query;
        Response = response;
        Keep = keep;
        Headers = response.Headers.Where(h => !HeadersTheMockComputes.Contains(h.Key)).ToList();
        Body = Encoding.UTF8.GetBytes(response.Body);
    }

    public string Id { get; }

    /// <summary>The request key as queued: method, decoded path and raw query.</summary>
    public RequestLine Key { get; }

    public IReadOnlyList<QueryParameterMatcher> Query { get; }

    public RawHttpResponse Response { get; }

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

        RequestLine key;
        List<QueryParameterMatcher> query;
        try
        {
            var line = RequestLine.Parse(request.Trim());
            key = line with { Path = Uri.UnescapeDataString(line.Path) };
            query = QueryParameters.Parse(line.Query).Select(p => QueryParameterMatcher.Create(p.Key, p.Value)).ToList();
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

        return new QueuedResponse(Guid.NewGuid().ToString("N"), key, query, response, keep);
    }

    public bool Matches(string method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (!string.Equals(Key.Method, method, StringComparison.OrdinalIgnoreCase) || !string.Equals(Key.Path, path, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var matcher in Query)
        {
            if (!matcher.IsSatisfiedBy(parameters))
            {
                return false;
            }
        }

        return true;
    }
}
