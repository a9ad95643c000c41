using System.Net;
using System.Net.Http.Json;
using Fota.Api.Devices;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fota.Api.Tests;

/// <summary>
/// The Prometheus scrape endpoint (README "Telemetry"), on the real mock nRF Cloud (tests/README.md). Alone, never beside
/// other tests: ASP.NET Core's meters (<c>http.server.request.duration</c>) are one per host under one name, and the
/// OpenTelemetry SDK ends the metric of all of them when any one host is disposed (opentelemetry-dotnet issue 6412), so
/// another test's host (a service or an in-process mock) stopping during the scrape would take the service's metric away.
/// </summary>
[Collection(nameof(PrometheusEndpointTests))]
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Nothing_is_exported_by_default_and_the_Prometheus_endpoint_serves_the_metrics_when_configured()
    {
        using (var plain = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" }))
        {
            using var client = plain.CreateClient();
            (await client.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            plain.Services.GetService<TracerProvider>().Should().BeNull("no exporter is configured, so the SDK is not switched on");
            plain.Services.GetService<MeterProvider>().Should().BeNull();
        }

        // A host setting (not test configuration, which the service sees only once its services are registered): like an
        // environment variable or a command-line argument, it is there when Program.cs decides whether to start the SDK.
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud(), settings: FotaApiFactory.PatientNrfCloud);
        using var scraped = api.WithWebHostBuilder(host => host.UseSetting("Telemetry:Prometheus:Enabled", "true"));
        using var admin = scraped.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", FotaApiFactory.AdminToken);
        var account = $"prometheus-{Guid.NewGuid():N}";
        (await admin.PutAsJsonAsync($"/admin/accounts/{account}", new { apiEndpoint = api.NrfCloudEndpoint, apiKey = api.ApiKey })).EnsureSuccessStatusCode();
        var device = (await (await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<DeviceResponse>())!;
        await api.AcceptCreateAsync("job-prometheus-1");
        using var http = scraped.CreateClient();
        var scheduled = await http.ScheduleAsync(device);
        scheduled.StatusCode.Should().Be(HttpStatusCode.Accepted, await scheduled.Content.ReadAsStringAsync());

        // The first poll follows the schedule in the background: scrape until its duration is there (the exporter also
        // caches a scrape for a moment).
        var text = await Eventually.ReturnsAsync(
            () => http.GetStringAsync("/metrics"),
            scrape => scrape.Contains("fota_poll_duration_seconds_bucket{", StringComparison.Ordinal),
            "the first poll's duration to be scraped");

        text.Split('\n').Should().ContainSingle(line => line.StartsWith("fota_jobs_scheduled_total{", StringComparison.Ordinal)
            && line.Contains($"nrfcloud_account=\"{account}\"", StringComparison.Ordinal)
            && line.Contains("fota_bundle_type=\"APP\"", StringComparison.Ordinal)
            && line.EndsWith("} 1", StringComparison.Ordinal));
        text.Should().Contain("fota_poll_duration_seconds_bucket{", "a histogram in seconds").And.Contain("le=\"0.005\"", "with buckets for seconds, not the SDK's millisecond defaults");
        text.Should().Contain("fota_nrfcloud_calls_total{").And.Contain("http_server_request_duration_seconds");
        text.Should().NotContain(api.ApiKey);
    }
}

[CollectionDefinition(nameof(PrometheusEndpointTests), DisableParallelization = true)]
public sealed class PrometheusEndpointCollection;
