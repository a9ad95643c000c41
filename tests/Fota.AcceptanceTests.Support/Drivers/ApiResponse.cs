using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>A response of the service, read completely.</summary>
public sealed record ApiResponse(string Method, string Url, int StatusCode, string? ReasonPhrase, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    private readonly Lazy<(bool IsJson, JsonNode? Json)> _json = new(() => ParseJson(Body));

    /// <summary>The body as JSON; fails saying what the body was when it is not JSON.</summary>
    public JsonNode? Json => _json.Value.IsJson
        ? _json.Value.Json
        : throw new InvalidOperationException($"The response is not JSON:{Environment.NewLine}{Describe()}");

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The response as evidence in a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append(Method).Append(' ').Append(Url).Append(" answered ").Append(StatusCode).Append(' ').AppendLine(ReasonPhrase);
        var contentType = Header("Content-Type");
        if (contentType is not null)
        {
            text.Append("Content-Type: ").AppendLine(contentType);
        }

        text.Append(Body.Length <= 2000 ? Body : Body[..2000] + "…");
        return text.ToString();
    }

    private static (bool, JsonNode?) ParseJson(string body)
    {
        try
        {
            return (true, JsonNode.Parse(body));
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }

    public static async Task<ApiResponse> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .ToList();
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse(request.Method.Method, request.RequestUri!.ToString(), (int)response.StatusCode, response.ReasonPhrase, headers, body);
    }
}
