using System.Net;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>GET /device/{deviceId}/fota/jobs: the 10 most recent jobs, newest first, never cached.</summary>
public sealed class ListTests : IDisposable
{
    private readonly FotaApiFactory _api = new(settings: ApiFixture.NoPoller, mock: new MockNrfCloud.InProcessMockNrfCloud());

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_device_without_jobs_gets_an_empty_list()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();

        var response = await client.GetAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.JobExecutions);
        body.ToJsonString().Should().Be(
            $"{{\"@context\":\"https://github.com/hello-nrfcloud/proto/fota/job-executions\",\"deviceId\":\"{device.DeviceId}\",\"jobs\":[]}}");
    }

    [Fact]
    public async Task The_list_holds_the_10_newest_jobs_newest_first()
    {
        var device = await _api.RegisterDeviceAsync();
        var other = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobIds = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var jobId = $"job-{i:00}-{Guid.NewGuid():N}";
            await _api.AcceptCreateAsync(jobId);
            (await client.ScheduleAsync(device, DeviceApi.BundleFor(jobId))).StatusCode.Should().Be(HttpStatusCode.Accepted);
            jobIds.Add(jobId);
        }

        await _api.AcceptCreateAsync("job-of-another-device");
        (await client.ScheduleAsync(other)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var response = await client.GetAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken);

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.JobExecutions);
        body["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        body["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()).Should().Equal(
            Enumerable.Reverse(jobIds).Take(10), "the most recent 10, newest first, of this device only");
        body["jobs"]!.AsArray().Should().OnlyContain(j => j!["status"]!.GetValue<string>() == "QUEUED" && j["version"]!.GetValue<string>() == "unknown");
    }
}
