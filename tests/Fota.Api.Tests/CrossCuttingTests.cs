using System.Net;
using System.Text.Json.Nodes;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>CORS, x-backend-version, health, the OpenAPI document, and the API key staying out of logs.</summary>
public sealed class CrossCuttingTests(VersionedMockApiFixture fixture) : IClassFixture<VersionedMockApiFixture>
{
    private readonly FotaApiFactory _api = fixture.Api;

    private static HttpRequestMessage Preflight(string origin, string path = "/device/x/fota?fingerprint=abc.aaaaaa")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    [Theory]
    [InlineData("https://hello.nrfcloud.com")]
    [InlineData("http://localhost:8080")]
    [InlineData("https://localhost:5173")]
    [InlineData("http://localhost")]
    public async Task A_preflight_from_an_allowed_origin_is_answered(string origin)
    {
        using var client = _api.CreateClient();

        var response = await client.SendAsync(Preflight(origin), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(origin);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        response.Headers.Vary.Should().Contain("Origin");
    }

    [Fact]
    public async Task Every_problem_detail_is_length_capped()
    {
        using var client = _api.CreateClient();
        var deviceId = "oob-" + new string('7', 4000);

        var problem = await (await client.GetAsync($"/device/{deviceId}/fota/jobs?fingerprint=abc.aaaaaa", TestContext.Current.CancellationToken))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.Detail().Length.Should().BeLessThanOrEqualTo(500, "Problems.MaxDetailLength");
        problem.Detail().Should().StartWith("oob-777").And.EndWith("…", "a cut detail says so");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://hello.nrfcloud.com")]
    [InlineData("https://localhost.evil.example")]
    public async Task Other_origins_get_no_CORS_grant(string origin)
    {
        using var client = _api.CreateClient();

        var response = await client.SendAsync(Preflight(origin), TestContext.Current.CancellationToken);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task Allowed_origins_are_configurable()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://app.example" });
        using var client = api.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example"), TestContext.Current.CancellationToken);
        var notAnymore = await client.SendAsync(Preflight("https://hello.nrfcloud.com"), TestContext.Current.CancellationToken);

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://app.example");
        notAnymore.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task An_actual_cross_origin_request_is_granted_and_varies_by_origin()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, DeviceApi.JobsPath(device));
        request.Headers.Add("Origin", "https://hello.nrfcloud.com");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://hello.nrfcloud.com");
        response.Headers.Vary.Should().Contain("Origin");
    }

    [Theory]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/no/such/route")]
    [InlineData("DELETE", "/health/live")]
    [InlineData("GET", "/device/x/fota/jobs")]
    [InlineData("POST", "/admin/devices")]
    public async Task Every_response_carries_the_backend_version(string method, string path)
    {
        using var client = _api.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        response.Headers.GetValues("x-backend-version").Should().Equal("9.9.9-test");
    }

    [Fact]
    public async Task Without_configuration_the_version_is_the_assemblys()
    {
        using var api = new FotaApiFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        var expected = typeof(Program).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        response.Headers.GetValues("x-backend-version").Should().Equal(expected);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync())["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_and_its_responses()
    {
        using var client = _api.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).JsonAsync();

        var paths = document["paths"]!.AsObject();
        paths.Select(p => p.Key).Should().Contain([
            "/device/{deviceId}/fota", "/device/{deviceId}/fota/jobs", "/admin/accounts/{name}", "/admin/devices", "/health/live", "/health/ready"]);
        Responses(paths, "/device/{deviceId}/fota", "post").Should().Contain(["202", "400", "403", "404", "413", "415", "429", "500"]);
        Responses(paths, "/device/{deviceId}/fota/jobs", "get").Should().Contain(["200", "400", "403", "404", "429"])
            .And.NotContain(["413", "415"], "only an endpoint with a body can answer them");
        Responses(paths, "/admin/devices", "post").Should().Contain(["201", "400", "401", "409"]);
        Responses(paths, "/admin/accounts/{name}", "put").Should().Contain(["200", "201", "400", "401"]);
        paths["/device/{deviceId}/fota"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().Contain("application/json");
        Operation(paths, "/device/{deviceId}/fota", "post").Should().Be(
            ("ScheduleFotaJob", "Schedules a firmware update of the device with an nRF Cloud bundle.", "FOTA"));
        Operation(paths, "/device/{deviceId}/fota/jobs", "get").Should().Be(
            ("ListFotaJobs", "Lists the device's 10 most recent FOTA jobs, newest first.", "FOTA"));
        Operation(paths, "/device/{deviceId}/fota/jobs/{jobId}", "delete").Should().Be(
            ("CancelFotaJob", "Cancels a FOTA job of the device that is not final yet.", "FOTA"));
        Operation(paths, "/device/{deviceId}/fota/bundles", "get").Should().Be(
            ("ListFotaBundles", "Lists the firmware bundles of the device's nRF Cloud account, newest first.", "FOTA"));
    }

    [Fact]
    public async Task The_OpenAPI_servers_never_echo_the_Host_header()
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example";

        var document = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).JsonAsync();

        document.ToJsonString().Should().NotContain("attacker.example");
        document["servers"]!.AsArray().Select(server => server!["url"]!.GetValue<string>()).Should().Equal(
            ["/"], "without Http:PublicUrl the document is relative to where it was fetched from");
    }

    [Fact]
    public async Task The_OpenAPI_servers_come_from_configuration()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?>
        {
            ["Http:PublicUrl"] = "https://fota.example.com/api",
            ["Fota:Poller:Enabled"] = "false",
        });
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example";

        var document = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).JsonAsync();

        document["servers"]!.AsArray().Select(server => server!["url"]!.GetValue<string>()).Should().Equal("https://fota.example.com/api");
    }

    private static (string? OperationId, string? Summary, string? Tags) Operation(JsonObject paths, string path, string method)
    {
        var operation = paths[path]![method]!;
        return (operation["operationId"]?.GetValue<string>(), operation["summary"]?.GetValue<string>(),
            string.Join(",", operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())));
    }

    private static IEnumerable<string> Responses(JsonObject paths, string path, string method) =>
        paths[path]![method]!["responses"]!.AsObject().Select(r => r.Key);

    [Fact]
    public async Task The_nRF_Cloud_API_key_never_appears_in_logs_or_responses()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        await _api.AcceptCreateAsync("job-ok");
        await _api.Mock.QueueAsync(_api.ApiKey, "GET /v1/fota-jobs/job-ok", HttpStatusCode.OK, NrfCloudJson.Job("job-ok", "IN_PROGRESS"), keep: true);
        var ok = await client.ScheduleAsync(device);
        await Eventually.ReturnsAsync(() => _api.Mock.CallsAsync(_api.ApiKey, "GET", "/v1/fota-jobs/job-ok"), calls => calls.Count > 0, "a status poll");
        await _api.Mock.QueueAsync(_api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.Unauthorized, "{\"message\":\"bad key\"}", keep: true);
        var failed = await client.ScheduleAsync(device, "MODEM*1e29dfa3*v2.0.0");

        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var logs = _api.Logs.Lines;
        logs.Should().Contain(l => l.Contains($"{_api.Mock.ApiEndpoint.Authority}/v1/fota-jobs", StringComparison.Ordinal), "HttpClient logging is captured at trace level");
        logs.Should().Contain(l => l.Contains("Authorization", StringComparison.Ordinal), "request headers are logged, redacted");
        logs.Should().NotContain(l => l.Contains(_api.ApiKey, StringComparison.Ordinal));
        (await ok.Content.ReadAsStringAsync()).Should().NotContain(_api.ApiKey);
        (await failed.Content.ReadAsStringAsync()).Should().NotContain(_api.ApiKey);
    }
}
