using System.Net;
using System.Text;
using Fota.Api.Tests.Support;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>POST /device/{deviceId}/fota: the job is created at nRF Cloud (the real mock) exactly as nRF Cloud expects, stored, and answered 202.</summary>
public sealed class ScheduleTests : IDisposable
{
    private readonly FotaApiFactory _api = new(mock: new InProcessMockNrfCloud());

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Scheduling_answers_202_with_the_queued_job_and_where_to_list_it()
    {
        var device = await _api.RegisterDeviceAsync();
        var jobId = Guid.NewGuid().ToString();
        await _api.AcceptCreateAsync(jobId);
        using var client = _api.CreateClient();

        var response = await client.ScheduleAsync(device);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.Should().Be($"/device/{device.DeviceId}/fota/jobs");
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.JobExecution);
        body["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/job-execution");
        body["id"]!.GetValue<string>().Should().Be(jobId);
        body["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        body["status"]!.GetValue<string>().Should().Be("QUEUED");
        body["version"]!.GetValue<string>().Should().Be("unknown", "the version is unknown until the first poll");
        body.AsObject().ContainsKey("statusDetail").Should().BeFalse("statusDetail is omitted when there is none");
        body["lastUpdatedAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", "the service's own timestamps are toISOString-like");
    }

    [Fact]
    public async Task nRF_Cloud_receives_exactly_the_body_and_headers_it_expects()
    {
        var device = await _api.RegisterDeviceAsync();
        await _api.AcceptCreateAsync(Guid.NewGuid().ToString());
        using var client = _api.CreateClient();

        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var create = (await _api.Mock.CallsAsync(_api.ApiKey, "POST", "/v1/fota-jobs")).Should().ContainSingle().Subject;
        create.Query.Should().BeEmpty();
        create.Body.Should().Be(
            $"{{\"bundleId\":\"APP*1e29dfa3*v2.0.0\",\"autoApply\":true,\"deviceIdentifiers\":[\"{device.DeviceId}\"]}}",
            "nRF Cloud gets a compact body with the keys in this order");
        create.Headers["Content-Type"].Should().Be("application/json");
        create.Headers["Authorization"].Should().Be($"Bearer {_api.ApiKey}");
        create.Headers["Accept"].Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task The_first_status_poll_follows_at_once_and_the_list_shows_what_nRF_Cloud_said()
    {
        var device = await _api.RegisterDeviceAsync();
        var jobId = Guid.NewGuid().ToString();
        await _api.AcceptCreateAsync(jobId);
        await _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK,
            NrfCloudJson.Job(jobId, "IN_PROGRESS", "Job auto applied", "2024-06-06T15:44:03.1Z", "v2.0.0"), keep: true);
        using var client = _api.CreateClient();

        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var jobs = await Eventually.ReturnsAsync(
            () => client.ListJobsAsync(device), j => j[0]!["status"]!.GetValue<string>() == "IN_PROGRESS", "the first poll to update the job");
        var job = jobs[0]!;
        job["statusDetail"]!.GetValue<string>().Should().Be("Job auto applied");
        job["version"]!.GetValue<string>().Should().Be("v2.0.0");
        job["lastUpdatedAt"]!.GetValue<string>().Should().Be("2024-06-06T15:44:03.1Z", "nRF Cloud's timestamp is passed through verbatim");
        var poll = (await _api.Mock.CallsAsync(_api.ApiKey, "GET", $"/v1/fota-jobs/{jobId}"))[0];
        poll.Headers["Authorization"].Should().Be($"Bearer {_api.ApiKey}");
        poll.Headers["Accept"].Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task A_fingerprint_matches_whatever_its_case()
    {
        var device = await _api.RegisterDeviceAsync();
        await _api.AcceptCreateAsync(Guid.NewGuid().ToString());
        using var client = _api.CreateClient();

        var response = await client.PostAsync(
            DeviceApi.SchedulePath(device, device.Fingerprint.ToUpperInvariant()),
            new StringContent($"{{\"bundleId\":\"{DeviceApi.BundleId}\"}}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}
