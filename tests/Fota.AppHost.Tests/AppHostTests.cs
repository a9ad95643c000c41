using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Client;

namespace Fota.AppHost.Tests;

/// <summary>
/// The AppHost as `dotnet run --project src/Fota.AppHost` starts it, through Aspire.Hosting.Testing: the orchestrator runs
/// the simulator and the service as processes. The dashboard is left out (<c>DisableDashboard</c>): a test reads resources
/// through the app model, and CI has no browser.
/// </summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task The_service_becomes_healthy_next_to_the_simulator_and_schedules_a_job_there_that_completes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fota_AppHost>(
            [], (options, _) => options.DisableDashboard = true, cancellation);
        await using var app = await builder.BuildAsync(cancellation);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(StartBudget);

        await app.StartAsync(bound.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("nrfcloud-simulator", bound.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", bound.Token);

        using var api = app.CreateHttpClient("api");
        using var simulatorHttp = app.CreateHttpClient("nrfcloud-simulator");
        var simulator = new HttpMockNrfCloud(app.GetEndpoint("nrfcloud-simulator", "http"), adminToken: null, simulatorHttp);
        (await api.GetAsync("/health/ready", bound.Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FotaSystem.AdminToken);
        var registered = await api.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = FotaSystem.Account }, bound.Token);
        registered.StatusCode.Should().Be(HttpStatusCode.Created, "the AppHost configures the account and the admin token: " + await registered.Content.ReadAsStringAsync(bound.Token));
        var device = (await registered.Content.ReadFromJsonAsync<JsonObject>(bound.Token))!;
        var deviceId = device["deviceId"]!.GetValue<string>();
        var fingerprint = device["fingerprint"]!.GetValue<string>();

        // Queued answers win over the simulation (SPEC 4.1), so this holds in the mock's queue and simulator modes alike.
        await simulator.QueueResponseAsync(FotaSystem.SimulatorKey, "POST /v1/fota-jobs", Json("""{"jobId":"apphost-job-1"}"""), cancellationToken: bound.Token);
        await simulator.QueueResponseAsync(
            FotaSystem.SimulatorKey,
            "GET /v1/fota-jobs/apphost-job-1",
            Json("""{"jobId":"apphost-job-1","status":"COMPLETED","createdAt":"2026-12-04T20:00:00.000Z","lastUpdatedAt":"2026-12-04T20:00:05.000Z","firmware":{"version":"v2.0.0"}}"""),
            keep: true,
            bound.Token);
        var scheduled = await api.PostAsJsonAsync($"/device/{deviceId}/fota?fingerprint={fingerprint}", new { bundleId = "APP*1e29dfa3*v2.0.0" }, bound.Token);
        scheduled.StatusCode.Should().Be(HttpStatusCode.Accepted, await scheduled.Content.ReadAsStringAsync(bound.Token));

        string? status = null;
        while (status != "COMPLETED")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), bound.Token); // bounded by StartBudget
            var jobs = (await api.GetFromJsonAsync<JsonObject>($"/device/{deviceId}/fota/jobs?fingerprint={fingerprint}", bound.Token))!;
            status = jobs["jobs"]!.AsArray().Single()!["status"]!.GetValue<string>();
        }

        var recorded = await simulator.GetRequestsAsync(new RequestFilter(FotaSystem.SimulatorKey, "POST", "/v1/fota-jobs"), bound.Token);
        recorded.Should().ContainSingle().Which.Body.Should().Contain(deviceId, "the service created the job at the simulator, with the configured key");
    }

    private static string Json(string body) => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{body}";
}
