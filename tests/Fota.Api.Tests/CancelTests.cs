using System.Net;
using Fota.Api.Devices;
using Fota.Api.Jobs.Polling;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests;

/// <summary>
/// DELETE /device/{deviceId}/fota/jobs/{jobId}: 400 → 404 (device) → 403 → 404 (job) → 409 (final) → nRF Cloud's cancel
/// → the job CANCELLED. The poller is off; tests run its rounds themselves, so a poll can be held while a cancel lands.
/// nRF Cloud is the real mock (tests/README.md), but for the two races: each holds one nRF Cloud answer until the other
/// call has landed, which the fake nRF Cloud does and the mock's fixed delays cannot.
/// </summary>
public sealed class CancelTests(NoPollerMockApiFixture fixture) : IClassFixture<NoPollerMockApiFixture>
{
    private const string ServiceTimestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";
    private readonly FotaApiFactory _api = fixture.Api;

    private static async Task<string> ScheduleAsync(FotaApiFactory api, HttpClient client, DeviceResponse device)
    {
        var jobId = Guid.NewGuid().ToString();
        await api.AcceptCreateAsync(jobId);
        var response = await client.ScheduleAsync(device);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return jobId;
    }

    /// <summary>One polling round, as the background poller runs it.</summary>
    private static Task PollAsync(FotaApiFactory api) =>
        api.Services.GetRequiredService<StatusPoller>().RunRoundAsync(TestContext.Current.CancellationToken);

    /// <summary>A scheduled job that a poll has seen IN_PROGRESS at nRF Cloud.</summary>
    private async Task<string> RunningJobAsync(HttpClient client, DeviceResponse device)
    {
        var jobId = await ScheduleAsync(_api, client, device);
        await _api.Mock.QueueAsync(
            _api.ApiKey, $"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK, NrfCloudJson.Job(jobId, "IN_PROGRESS", "Job auto applied", "2024-06-06T15:44:03.123Z", "v2.0.0"), keep: true);
        await PollAsync(_api);
        (await _api.FindJobAsync(jobId))!.Status.Should().Be("IN_PROGRESS");
        return jobId;
    }

    /// <summary>The change events (the notifications outbox) of the device, oldest first, as the messages clients get.</summary>
    private static async Task<IReadOnlyList<string>> EventsAsync(FotaApiFactory api, DeviceResponse device) =>
        (await api.Services.GetRequiredService<IChangeEventStore>().ReadAfterAsync(0, 100_000, CancellationToken.None))
            .Where(e => e.DeviceId == device.DeviceId).Select(e => e.Payload).ToList();

    private static string CancelRoute(string jobId) => $"PUT /v1/fota-jobs/{jobId}/cancel";

    private Task<IReadOnlyList<RecordedRequest>> CancelCallsAsync(string jobId) => _api.Mock.CallsAsync(_api.ApiKey, "PUT", $"/v1/fota-jobs/{jobId}/cancel");

    private Task AnswerCancelAsync(string jobId, HttpStatusCode status, string? json = null, bool keep = false) =>
        _api.Mock.QueueAsync(_api.ApiKey, CancelRoute(jobId), status, json, keep);

    [Fact]
    public async Task A_running_job_is_cancelled_at_nRF_Cloud_and_stored_CANCELLED()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await RunningJobAsync(client, device);
        await AnswerCancelAsync(jobId, HttpStatusCode.OK);

        var response = await client.CancelAsync(device, jobId);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.Should().Be($"/device/{device.DeviceId}/fota/jobs");
        var body = (await response.JsonAsync()).AsObject();
        Contract.ShouldValidate(body, Contract.JobExecution);
        body["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/job-execution");
        body["id"]!.GetValue<string>().Should().Be(jobId);
        body["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        body["status"]!.GetValue<string>().Should().Be("CANCELLED");
        body["statusDetail"]!.GetValue<string>().Should().Be("The job was cancelled.");
        body["version"]!.GetValue<string>().Should().Be("v2.0.0", "the cancel keeps the version the poll found");
        body["lastUpdatedAt"]!.GetValue<string>().Should().MatchRegex(ServiceTimestamp, "the service stamps the cancel itself")
            .And.NotBe("2024-06-06T15:44:03.123Z");

        var call = (await CancelCallsAsync(jobId)).Should().ContainSingle().Subject;
        call.Path.Should().Be($"/v1/fota-jobs/{jobId}/cancel");
        call.Query.Should().BeEmpty();
        call.Headers["Authorization"].Should().Be($"Bearer {_api.ApiKey}");
        call.Headers["Accept"].Should().Be("application/json; charset=utf-8");
        call.Headers["Content-Type"].Should().Be("application/json", "the cancel carries a JSON body, as upstream sends it");
        call.Body.Should().Be("{}");
        var listed = (await client.ListJobsAsync(device)).Single()!;
        listed.ToJsonString().Should().Be(body.ToJsonString(), "the list shows the cancelled job as the cancel answered it");
        (await EventsAsync(_api, device)).Should().HaveCount(3, "scheduled, IN_PROGRESS, CANCELLED")
            .And.HaveElementAt(2, body.ToJsonString(), "the cancel is a change: clients are told the job as the cancel answered it");

        var polls = (await _api.Mock.CallsAsync(_api.ApiKey, "GET", $"/v1/fota-jobs/{jobId}")).Count;
        await PollAsync(_api);
        (await _api.Mock.CallsAsync(_api.ApiKey, "GET", $"/v1/fota-jobs/{jobId}")).Should().HaveCount(polls, "CANCELLED is final, so it is never polled again");
    }

    [Fact]
    public async Task A_queued_job_that_was_never_polled_can_be_cancelled_too()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await ScheduleAsync(_api, client, device);
        await AnswerCancelAsync(jobId, HttpStatusCode.NoContent);

        var response = await client.CancelAsync(device, jobId);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, "any 2xx of nRF Cloud is a cancel");
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.JobExecution);
        body["version"]!.GetValue<string>().Should().Be("unknown");
    }

    [Fact]
    public async Task Cancelling_a_cancelled_job_again_is_409_without_calling_nRF_Cloud()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await RunningJobAsync(client, device);
        await AnswerCancelAsync(jobId, HttpStatusCode.OK, keep: true);
        (await client.CancelAsync(device, jobId)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var cancelled = await _api.FindJobAsync(jobId);

        var again = await client.CancelAsync(device, jobId);

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["title"]!.GetValue<string>().Should().Be("The FOTA job is already finished.");
        problem.Detail().Should().Contain(jobId).And.Contain("CANCELLED");
        (await CancelCallsAsync(jobId)).Should().ContainSingle();
        (await _api.FindJobAsync(jobId)).Should().BeEquivalentTo(cancelled);
    }

    [Theory]
    [InlineData("COMPLETED")]
    [InlineData("FAILED")]
    public async Task A_job_that_finished_is_409_and_keeps_its_state(string status)
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await ScheduleAsync(_api, client, device);
        await _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK, NrfCloudJson.Job(jobId, status, "done", "2024-06-06T15:50:00.000Z", "v2.0.0"), keep: true);
        await PollAsync(_api);
        var finished = (await _api.FindJobAsync(jobId))!;
        finished.Status.Should().Be(status);

        var problem = await (await client.CancelAsync(device, jobId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["title"]!.GetValue<string>().Should().Be("The FOTA job is already finished.");
        (await CancelCallsAsync(jobId)).Should().BeEmpty();
        (await _api.FindJobAsync(jobId)).Should().BeEquivalentTo(finished);
    }

    [Fact]
    public async Task An_unknown_job_is_404()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = Guid.NewGuid().ToString();

        var problem = await (await client.CancelAsync(device, jobId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem["title"]!.GetValue<string>().Should().Be("No FOTA job found with ID!");
        problem.Detail().Should().Contain(jobId);
        (await CancelCallsAsync(jobId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_devices_job_is_404_and_stays_as_it_is()
    {
        var owner = await _api.RegisterDeviceAsync();
        var other = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await RunningJobAsync(client, owner);
        await AnswerCancelAsync(jobId, HttpStatusCode.OK, keep: true);
        var before = await _api.FindJobAsync(jobId);

        var problem = await (await client.CancelAsync(other, jobId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem["title"]!.GetValue<string>().Should().Be("No FOTA job found with ID!", "another device's job is not this device's to see");
        (await CancelCallsAsync(jobId)).Should().BeEmpty();
        (await _api.FindJobAsync(jobId)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task The_device_checks_come_first_400_then_404_then_403()
    {
        var device = await _api.RegisterDeviceAsync();
        var other = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await RunningJobAsync(client, device);
        await AnswerCancelAsync(jobId, HttpStatusCode.OK, keep: true);

        var invalid = await client.DeleteAsync(BundleAndCancelApi.CancelPath(device, jobId, "not-a-fingerprint"), TestContext.Current.CancellationToken);
        var missing = await client.DeleteAsync(
            $"/device/oob-000000000000000/fota/jobs/{jobId}?fingerprint={device.Fingerprint}", TestContext.Current.CancellationToken);
        var foreign = await client.DeleteAsync(BundleAndCancelApi.CancelPath(device, jobId, other.Fingerprint), TestContext.Current.CancellationToken);

        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("fingerprint");
        (await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be("No device found with ID!");
        (await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden))["title"]!.GetValue<string>().Should().Be("Fingerprint does not match!");
        (await CancelCallsAsync(jobId)).Should().BeEmpty();
        (await _api.FindJobAsync(jobId))!.Status.Should().Be("IN_PROGRESS");
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, 3)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    public async Task A_failing_nRF_Cloud_is_a_500_naming_it_and_its_status_and_nothing_changes(HttpStatusCode status, int calls)
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var jobId = await RunningJobAsync(client, device);
        await AnswerCancelAsync(jobId, status, "{\"message\":\"cannot cancel now\"}", keep: true);
        var before = await _api.FindJobAsync(jobId);
        var events = await EventsAsync(_api, device);

        var problem = await (await client.CancelAsync(device, jobId)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem["title"]!.GetValue<string>().Should().Be("Cancelling FOTA job failed");
        problem.Detail().Should().Contain("nRF Cloud").And.Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain($"/v1/fota-jobs/{jobId}/cancel").And.NotContain(_api.ApiKey);
        (await CancelCallsAsync(jobId)).Should().HaveCount(calls, "the cancel is idempotent: transient failures are retried (NrfCloud:MaxRetries 2), others not");
        (await _api.FindJobAsync(jobId)).Should().BeEquivalentTo(before, "a cancel nRF Cloud refused changes nothing");
        (await EventsAsync(_api, device)).Should().Equal(events, "and notifies nothing");

        await AnswerCancelAsync(jobId, HttpStatusCode.OK, keep: true);
        (await client.CancelAsync(device, jobId)).StatusCode.Should().Be(HttpStatusCode.Accepted, "the job can still be cancelled later");
    }

    [Theory]
    [InlineData("IN_PROGRESS")]
    [InlineData("COMPLETED")]
    public async Task A_poll_in_flight_when_the_cancel_lands_never_overwrites_it(string polledStatus)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero));
        await using var api = new FotaApiFactory(time: time, settings: ApiFixture.NoPoller); // the fake nRF Cloud: it holds the poll
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();
        var jobId = await ScheduleAsync(api, client, device);
        var pollArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.Always($"GET /v1/fota-jobs/{jobId}", async (_, token) =>
        {
            pollArrived.SetResult();
            await cancelStored.Task.WaitAsync(token);
            return FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Job(jobId, polledStatus, "Job auto applied", "2024-06-06T12:00:00.500Z", "v2.0.0"));
        });
        api.NrfCloud.Enqueue(CancelRoute(jobId), HttpStatusCode.OK);

        var poll = Task.Run(() => PollAsync(api), TestContext.Current.CancellationToken);
        await pollArrived.Task.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(1234));
        var cancel = await client.CancelAsync(device, jobId); // answered once the cancel is stored
        cancelStored.SetResult();
        await poll;

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted, await cancel.Content.ReadAsStringAsync());
        var job = (await api.FindJobAsync(jobId))!;
        job.Status.Should().Be("CANCELLED", $"the poll's {polledStatus} was read before the cancel and must not overwrite it");
        job.StatusDetail.Should().Be("The job was cancelled.");
        job.LastUpdatedAt.Should().Be("2024-06-06T12:00:01.234Z", "the service's own time of the cancel");
        job.Version.Should().Be("unknown");
        (await client.ListJobsAsync(device)).Single()!["status"]!.GetValue<string>().Should().Be("CANCELLED");
        var events = await EventsAsync(api, device);
        events.Should().HaveCount(2, "the scheduled job and its cancel; the late poll changed nothing, so it notifies nothing")
            .And.HaveElementAt(1, (await cancel.JsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_job_that_finishes_while_nRF_Cloud_cancels_it_keeps_its_final_state_and_the_cancel_is_409()
    {
        await using var api = new FotaApiFactory(settings: ApiFixture.NoPoller); // the fake nRF Cloud: it holds the cancel
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();
        var jobId = await ScheduleAsync(api, client, device);
        var cancelArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pollStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.Always(CancelRoute(jobId), async (_, token) =>
        {
            cancelArrived.SetResult();
            await pollStored.Task.WaitAsync(token);
            return FakeNrfCloud.Response(HttpStatusCode.OK);
        });
        api.NrfCloud.Always($"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK, NrfCloudJson.Job(jobId, "COMPLETED", null, "2024-06-06T15:50:00.000Z", "v2.0.0"));

        var cancel = client.CancelAsync(device, jobId);
        await cancelArrived.Task.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
        await PollAsync(api);
        pollStored.SetResult();
        var response = await cancel;

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail().Should().Contain("COMPLETED");
        var job = (await api.FindJobAsync(jobId))!;
        job.Status.Should().Be("COMPLETED");
        job.LastUpdatedAt.Should().Be("2024-06-06T15:50:00.000Z");
    }

    [Fact]
    public async Task A_browser_may_send_the_DELETE_cross_origin()
    {
        using var client = _api.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/device/x/fota/jobs/y?fingerprint=abc.aaaaaa");
        preflight.Headers.Add("Origin", "https://hello.nrfcloud.com");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");

        var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://hello.nrfcloud.com");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("DELETE");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_endpoints_with_their_response_types()
    {
        using var client = _api.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).JsonAsync();

        var bundles = document["paths"]!["/device/{deviceId}/fota/bundles"]!["get"]!["responses"]!.AsObject();
        var cancel = document["paths"]!["/device/{deviceId}/fota/jobs/{jobId}"]!["delete"]!["responses"]!.AsObject();
        bundles.Select(r => r.Key).Should().BeEquivalentTo(["200", "400", "403", "404", "429", "500"]);
        cancel.Select(r => r.Key).Should().BeEquivalentTo(["202", "400", "403", "404", "409", "429", "500"]);
        bundles["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/FotaBundles");
        cancel["202"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/FotaJobExecution");
        cancel["409"]!["content"]!.AsObject().Select(c => c.Key).Should().Contain("application/problem+json");
        document["components"]!["schemas"]!["FotaBundle"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().BeEquivalentTo(["@context", "bundleId", "version", "type"]);
    }
}
