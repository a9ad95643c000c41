using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Client;
using MockNrfCloud.Tests.Support;

namespace MockNrfCloud.Tests.Server;

/// <summary>The admin HTTP API as a deployed mock's users see it: status codes, JSON errors, token enforcement.</summary>
public sealed class AdminApiTests(HttpMockFixture fixture) : IClassFixture<HttpMockFixture>
{
    private readonly MockUnderTest _mock = fixture.Mock;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null, string? token = MockUnderTest.AdminToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _mock.Http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Every_admin_operation_needs_the_admin_token(string? token)
    {
        var calls = new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/mock/responses", new { apiKey = "k", request = "GET /x", response = "HTTP/1.1 200 OK\n\n" }),
            (HttpMethod.Get, "/mock/requests", null),
            (HttpMethod.Post, "/mock/requests/wait", new { apiKey = "k", timeoutMs = 1 }),
            (HttpMethod.Delete, "/mock/responses", null),
            (HttpMethod.Delete, "/mock/requests", null),
        };

        foreach (var (method, path, body) in calls)
        {
            using var response = await AdminAsync(method, path, body, token);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} without the right token");
            (await JsonAsync(response)).GetProperty("error").GetString().Should().Contain("Authorization: Bearer");
        }

        (await _mock.Http.GetAsync("/v1/after-refusals", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_health_check_is_open()
    {
        using var response = await AdminAsync(HttpMethod.Get, "/mock/health", token: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_configured_token_the_admin_API_is_open()
    {
        await using var open = MockUnderTest.InProcess();

        using var response = await open.Http.GetAsync("/mock/requests", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Queueing_answers_201_with_an_id_and_listing_shows_camel_case_fields()
    {
        var key = MockUnderTest.NewApiKey();
        using var queued = await AdminAsync(HttpMethod.Post, "/mock/responses", new { apiKey = key, request = "GET /v1/x?a=1", response = "HTTP/1.1 200 OK\n\n{}", keep = false });
        queued.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await JsonAsync(queued)).GetProperty("id").GetString();

        await _mock.CallForTextAsync(key, HttpMethod.Get, "/v1/x?a=1");
        using var listed = await AdminAsync(HttpMethod.Get, $"/mock/requests?apiKey={key}&method=GET&path=/v1/x");

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = (await JsonAsync(listed)).EnumerateArray().Should().ContainSingle().Subject;
        entry.EnumerateObject().Select(p => p.Name).Should().Equal("time", "method", "path", "query", "headers", "body", "responseId");
        entry.GetProperty("responseId").GetString().Should().Be(id);
        entry.GetProperty("query").GetString().Should().Be("a=1");
    }

    [Theory]
    [InlineData("GET", "HTTP/1.1 200 OK", "request", "Line 1")]
    [InlineData("GET /x", "HTTP/1.1 OK", "response", "status code 'OK'")]
    [InlineData("GET /x", "HTTP/1.1 200 OK\nbroken header\n\n", "response", "Line 2")]
    [InlineData("GET /x", "HTTP/1.1 200 OK\nX-Mock-Delay: soon\n\n", "response", "Line 2: X-Mock-Delay 'soon' is not a delay")]
    [InlineData("GET /x", "HTTP/1.1 200 OK\nX-Mock-Drop: maybe\n\n", "response", "Line 2: X-Mock-Drop 'maybe' is not 'true' or 'false'")]
    public async Task An_unparsable_request_or_response_is_a_400_naming_the_field(string request, string rawResponse, string field, string problem)
    {
        using var response = await AdminAsync(HttpMethod.Post, "/mock/responses", new { apiKey = "k", request, response = rawResponse });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await JsonAsync(response);
        error.GetProperty("field").GetString().Should().Be(field);
        error.GetProperty("error").GetString().Should().Contain(problem);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_explaining_why()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mock/responses") { Content = new StringContent("not json", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MockUnderTest.AdminToken);

        using var response = await _mock.Http.SendAsync(request, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("error").GetString().Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task Waiting_without_a_match_is_a_404_and_deletes_are_204()
    {
        using var wait = await AdminAsync(HttpMethod.Post, "/mock/requests/wait", new { apiKey = MockUnderTest.NewApiKey(), method = "GET", path = "/never", timeoutMs = 20 });
        wait.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(wait)).GetProperty("error").GetString().Should().Contain("/never");

        using var deleteResponses = await AdminAsync(HttpMethod.Delete, $"/mock/responses?apiKey={MockUnderTest.NewApiKey()}");
        deleteResponses.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var deleteRequests = await AdminAsync(HttpMethod.Delete, $"/mock/requests?apiKey={MockUnderTest.NewApiKey()}");
        deleteRequests.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_HTTP_client_reports_a_wrong_admin_token_clearly()
    {
        var client = new HttpMockNrfCloud(_mock.Server.ApiEndpoint, "wrong-token", _mock.Http);

        var list = () => client.GetRequestsAsync(new RequestFilter("k"), Ct);

        var error = (await list.Should().ThrowAsync<MockNrfCloudAdminException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("admin token");
    }

    [Fact]
    public async Task The_HTTP_client_does_not_mistake_another_server_for_a_mock()
    {
        using var notAMock = WireMock.Server.WireMockServer.Start(new WireMock.Settings.WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        using var http = new HttpClient();
        var client = new HttpMockNrfCloud(new Uri(notAMock.Url!), null, http);

        var wait = () => client.WaitForRequestAsync(new RequestFilter("k"), TimeSpan.FromMilliseconds(10), Ct);

        (await wait.Should().ThrowAsync<MockNrfCloudAdminException>()).Which.Message.Should().Contain("404").And.Contain("a mock nRF Cloud?");
    }

    [Fact]
    public async Task WireMocks_own_admin_interface_is_not_reachable()
    {
        var key = MockUnderTest.NewApiKey();

        using var response = await _mock.CallAsync(key, HttpMethod.Get, "/__admin/mappings");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(response)).GetProperty("request").GetString().Should().Be("GET /__admin/mappings", "it is an ordinary, unqueued nRF Cloud path");
        (await _mock.Mock.GetRequestsAsync(new RequestFilter(key), Ct)).Should().ContainSingle().Which.Path.Should().Be("/__admin/mappings");
    }
}
