using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fota.Api.Devices;

namespace Fota.Api.Tests.Support;

/// <summary>Calls of the device FOTA API as a web application makes them.</summary>
public static class DeviceApi
{
    public const string BundleId = "APP*1e29dfa3*v2.0.0";

    /// <summary>
    /// A bundle of its own for each of several jobs one device runs at once: one running job per device and bundle (SPEC §3.1).
    /// </summary>
    public static string BundleFor(string distinct) => $"APP*1e29dfa3*{distinct}";

    public static string SchedulePath(DeviceResponse device, string? fingerprint = null) =>
        $"/device/{Uri.EscapeDataString(device.DeviceId)}/fota?fingerprint={Uri.EscapeDataString(fingerprint ?? device.Fingerprint)}";

    public static string JobsPath(DeviceResponse device, string? fingerprint = null) =>
        $"/device/{Uri.EscapeDataString(device.DeviceId)}/fota/jobs?fingerprint={Uri.EscapeDataString(fingerprint ?? device.Fingerprint)}";

    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient client, DeviceResponse device, string bundleId = BundleId) =>
        client.PostAsJsonAsync(SchedulePath(device), new { bundleId }, TestContext.Current.CancellationToken);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
        ?? throw new InvalidOperationException("The body is JSON null");

    public static async Task<JsonArray> ListJobsAsync(this HttpClient client, DeviceResponse device)
    {
        var response = await client.GetAsync(JobsPath(device), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["jobs"]!.AsArray();
    }

    public const string CreateRoute = "POST /v1/fota-jobs";

    /// <summary>Queues nRF Cloud's answer to the create call with <paramref name="jobId"/>.</summary>
    public static void AcceptCreate(this FakeNrfCloud nrfCloud, string jobId) =>
        nrfCloud.Enqueue(CreateRoute, System.Net.HttpStatusCode.OK, NrfCloudJson.Created(jobId));

    /// <summary>Queues the answer to the next create of <paramref name="api"/>'s account with <paramref name="jobId"/>,
    /// at the nRF Cloud this service calls (the mock, else the fake).</summary>
    public static Task AcceptCreateAsync(this FotaApiFactory api, string jobId)
    {
        if (!api.OnMock)
        {
            api.NrfCloud.AcceptCreate(jobId);
            return Task.CompletedTask;
        }

        return api.Mock.QueueAsync(api.ApiKey, CreateRoute, System.Net.HttpStatusCode.OK, NrfCloudJson.Created(jobId));
    }
}
