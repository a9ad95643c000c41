using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Simulator;
using MockNrfCloud.Client;

namespace MockNrfCloud.Tests.Support;

/// <summary>A running mock server and the <see cref="IMockNrfCloud"/> implementation under test that drives it, plus an
/// HTTP client playing the service (sending nRF Cloud requests).</summary>
public sealed class MockUnderTest : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";

    private MockUnderTest(InProcessMockNrfCloud server, Func<HttpClient, IMockNrfCloud> client)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.ApiEndpoint };
        Mock = client(Http);
    }

    public InProcessMockNrfCloud Server { get; }

    public IMockNrfCloud Mock { get; }

    public HttpClient Http { get; }

    /// <summary>The in-process implementation, driving its own server directly.</summary>
    public static MockUnderTest InProcess(MockOptions? options = null, TimeProvider? timeProvider = null)
    {
        var server = new InProcessMockNrfCloud(options, timeProvider: timeProvider);
        return new MockUnderTest(server, _ => server);
    }

    /// <summary>The HTTP implementation, over the admin API of a server that requires an admin token.</summary>
    public static MockUnderTest OverHttp(MockOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new MockOptions();
        options.AdminToken = AdminToken;
        var server = new InProcessMockNrfCloud(options, timeProvider: timeProvider);
        return new MockUnderTest(server, http => new HttpMockNrfCloud(server.ApiEndpoint, AdminToken, http));
    }

    /// <summary>Sends an nRF Cloud request as the service would (bearer <paramref name="apiKey"/>; null = no Authorization).</summary>
    public Task<HttpResponseMessage> CallAsync(string? apiKey, HttpMethod method, string pathAndQuery, string? jsonBody = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The simulator-mode admin operations of the implementation under test.</summary>
    public INrfCloudSimulatorAdmin Simulator => (INrfCloudSimulatorAdmin)Mock;

    /// <summary>Calls nRF Cloud and parses the JSON answer (null when the body is empty).</summary>
    public async Task<(int Status, JsonNode? Json)> CallForJsonAsync(string? apiKey, HttpMethod method, string pathAndQuery, string? jsonBody = null)
    {
        var (status, body) = await CallForTextAsync(apiKey, method, pathAndQuery, jsonBody);
        return (status, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    public async Task<(int Status, string Body)> CallForTextAsync(string? apiKey, HttpMethod method, string pathAndQuery, string? jsonBody = null)
    {
        using var response = await CallAsync(apiKey, method, pathAndQuery, jsonBody);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static string NewApiKey() => "key-" + Guid.NewGuid().ToString("N");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
