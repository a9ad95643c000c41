using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Admin;
using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Client;

/// <summary>
/// <see cref="IMockNrfCloud"/> over the mock's admin HTTP API (a standalone or deployed mock).
/// Invalid input (an unparsable request line or raw response) throws <see cref="MockNrfCloudInputException"/> naming
/// the parameter, exactly like the in-process implementation; other admin failures throw <see cref="MockNrfCloudAdminException"/>.
/// </summary>
public sealed class HttpMockNrfCloud : IMockNrfCloud, INrfCloudSimulatorAdmin
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Uri _adminBase;
    private readonly string? _adminToken;
    private readonly HttpClient _http;

    /// <param name="baseUrl">The mock's base URL (the nRF Cloud API surface; the admin API lives under /mock/).</param>
    /// <param name="adminToken">The mock's admin token, or null when its admin API is open.</param>
    /// <param name="httpClient">The client to send admin requests with (not disposed by this class).</param>
    public HttpMockNrfCloud(Uri baseUrl, string? adminToken, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        var text = baseUrl.ToString();
        ApiEndpoint = new Uri(text.TrimEnd('/'));
        _adminBase = new Uri(text.EndsWith('/') ? text + "mock/" : text + "/mock/");
        _adminToken = string.IsNullOrEmpty(adminToken) ? null : adminToken;
        _http = httpClient;
    }

    /// <inheritdoc />
    public Uri ApiEndpoint { get; }

    /// <summary>The base URL of the admin API (ends with "/mock/").</summary>
    public Uri AdminBaseUrl => _adminBase;

    /// <inheritdoc />
    public async Task<string> QueueResponseAsync(string apiKey, string request, string rawResponse, bool keep = false, CancellationToken cancellationToken = default)
    {
        using var message = Create(HttpMethod.Post, "responses", JsonContent.Create(new QueueResponseCommand(apiKey, request, rawResponse, keep), options: Json));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new MockNrfCloudInputException(ParameterName(error.Field) ?? "request", error.Error);
        }

        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync<QueuedResponseCreated>(Json, cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new MockNrfCloudAdminException(response.StatusCode, "The mock answered 201 without an id.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = string.Join('&', new[] { ("apiKey", filter.ApiKey), ("method", filter.Method), ("path", filter.Path) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var message = Create(HttpMethod.Get, query.Length == 0 ? "requests" : $"requests?{query}");
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        var requests = await response.Content.ReadFromJsonAsync<List<RecordedRequest>>(Json, cancellationToken).ConfigureAwait(false) ?? [];
        return requests.Select(WithCaseInsensitiveHeaders).ToList();
    }

    /// <inheritdoc />
    public async Task<RecordedRequest?> WaitForRequestAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var timeoutMs = (int)Math.Clamp(timeout.TotalMilliseconds, int.MinValue, int.MaxValue);
        var command = new WaitForRequestCommand(filter.ApiKey, filter.Method, filter.Path, timeoutMs);
        using var message = Create(HttpMethod.Post, "requests/wait", JsonContent.Create(command, options: Json));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // The mock's "nothing arrived" carries an AdminError body; a bare 404 means the URL is not a mock's admin API.
            var notFound = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(notFound.Error)
                ? throw new MockNrfCloudAdminException(response.StatusCode, $"{message.RequestUri} answered 404 without the mock's error body: is {ApiEndpoint} a mock nRF Cloud?")
                : null;
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new MockNrfCloudInputException(nameof(timeout), error.Error);
        }

        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        var request = await response.Content.ReadFromJsonAsync<RecordedRequest>(Json, cancellationToken).ConfigureAwait(false);
        return request is null ? null : WithCaseInsensitiveHeaders(request);
    }

    /// <inheritdoc />
    public async Task<RequestMatchResult> MatchRequestAsync(IReadOnlyCollection<string> apiKeys, string expectedRequest, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKeys);
        var timeoutMs = (int)Math.Clamp(timeout.TotalMilliseconds, int.MinValue, int.MaxValue);
        var command = new MatchRequestCommand(apiKeys.ToList(), expectedRequest, timeoutMs);
        using var message = Create(HttpMethod.Post, "requests/match", JsonContent.Create(command, options: Json));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var parameter = error.Field switch { "timeoutMs" => nameof(timeout), "apiKeys" => nameof(apiKeys), _ => nameof(expectedRequest) };
            throw new MockNrfCloudInputException(parameter, error.Error);
        }

        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        var result = await response.Content.ReadFromJsonAsync<RequestMatchResult>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new MockNrfCloudAdminException(response.StatusCode, "The mock answered 200 without a match result.");
        return new RequestMatchResult(
            result.Match is null ? null : WithCaseInsensitiveHeaders(result.Match),
            result.NearestMisses.Select(miss => miss with { Request = WithCaseInsensitiveHeaders(miss.Request) }).ToList(),
            result.Recorded.Select(WithCaseInsensitiveHeaders).ToList());
    }

    /// <inheritdoc />
    public Task ClearResponsesAsync(string? apiKey = null, CancellationToken cancellationToken = default) =>
        DeleteAsync("responses", apiKey, cancellationToken);

    /// <inheritdoc />
    public Task ClearRequestsAsync(string? apiKey = null, CancellationToken cancellationToken = default) =>
        DeleteAsync("requests", apiKey, cancellationToken);

    /// <inheritdoc />
    public async Task SeedDevicesAsync(string apiKey, IReadOnlyList<DeviceSeed> devices, CancellationToken cancellationToken = default)
    {
        using var message = Create(HttpMethod.Put, "simulator/devices", JsonContent.Create(new SeedDevicesCommand(apiKey, devices), options: Json));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new MockNrfCloudInputException(error.Field ?? "devices", error.Error);
        }

        await EnsureAsync(response, HttpStatusCode.NoContent, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string resource, string? apiKey, CancellationToken cancellationToken)
    {
        using var message = Create(HttpMethod.Delete, apiKey is null ? resource : $"{resource}?apiKey={Uri.EscapeDataString(apiKey)}");
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.NoContent, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Create(HttpMethod method, string relative, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(method, new Uri(_adminBase, relative)) { Content = content };
        if (_adminToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        }

        return message;
    }

    private async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode == expected)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " Check the mock admin token." : string.Empty;
        throw new MockNrfCloudAdminException(
            response.StatusCode,
            $"The mock nRF Cloud admin API ({response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}) answered {(int)response.StatusCode} {response.ReasonPhrase} instead of {(int)expected}.{hint} Body: {body}");
    }

    private static async Task<AdminError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<AdminError>(body, Json) ?? new AdminError(body);
        }
        catch (JsonException)
        {
            return new AdminError(body);
        }
    }

    // The server names fields as in its JSON body; the in-process client names the C# parameters. Map one to the other.
    private static string? ParameterName(string? field) => field switch
    {
        "response" => "rawResponse",
        _ => field,
    };

    private static RecordedRequest WithCaseInsensitiveHeaders(RecordedRequest request) =>
        request with { Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) };
}
