using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// The probe of issue #9: every fault of the create leaves at most one job at nRF Cloud, and every job nRF Cloud may have
/// created is either stored or kept as an UNKNOWN intent (jobs at nRF Cloud ≤ rows stored + intents kept). The
/// unknown-outcome faults run on the real mock (a 5xx, X-Mock-Delay, X-Mock-Drop); the others keep the fake nRF Cloud
/// (tests/README.md): they hold a create's or a listing's answer until the test releases it.
/// </summary>
public sealed class ExactlyOnceTests
{
    private static readonly Dictionary<string, string?> ShortAttempts = new()
    {
        ["NrfCloud:AttemptTimeout"] = "00:00:00.200",
        ["NrfCloud:TotalTimeout"] = "00:00:02",
    };

    public static TheoryData<string> UnknownOutcomes => ["late answer", "503 after processing", "500 after processing", "reset after sending"];

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public async Task A_create_whose_outcome_is_unknown_is_sent_once_answered_500_and_kept_for_reconciliation(string fault)
    {
        // Only the late answer needs the short attempt timeout: a loaded machine's mock may take longer than it to answer at all.
        using var api = new FotaApiFactory(settings: fault == "late answer" ? ShortAttempts : null, mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        // The mock's answer to the create that reached it: late (beyond the attempt timeout), a 5xx, or a dropped connection.
        var raw = fault switch
        {
            "late answer" => MockNrfCloudCalls.Raw(HttpStatusCode.OK, NrfCloudJson.Created("late-job"), "X-Mock-Delay: 3s"),
            "503 after processing" => MockNrfCloudCalls.Raw(HttpStatusCode.ServiceUnavailable, "{\"message\":\"internal error\"}"),
            "500 after processing" => MockNrfCloudCalls.Raw(HttpStatusCode.InternalServerError, "{\"message\":\"internal error\"}"),
            _ => MockNrfCloudCalls.Raw(HttpStatusCode.OK, null, "X-Mock-Drop: true"),
        };
        var faultId = await api.Mock.QueueResponseAsync(api.ApiKey, DeviceApi.CreateRoute, raw, cancellationToken: TestContext.Current.CancellationToken);
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.OK, NrfCloudJson.Created("a-second-job"), keep: true);
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("outcome is unknown").And.Contain("nRF Cloud");
        // Under load the mock may record the create after the service gave up on it: wait for it, never sleep.
        var creates = await Eventually.ReturnsAsync(() => api.Mock.CallsAsync(api.ApiKey, "POST", "/v1/fota-jobs"), calls => calls.Count > 0, "the create to be recorded");
        var create = creates.Should().ContainSingle("a create that may have reached nRF Cloud is never sent again").Subject;
        create.ResponseId.Should().Be(faultId, "the fault answered it; the answer that creates a second job never did");
        var intent = (await api.IntentsAsync(device.DeviceId)).Should().ContainSingle().Subject;
        intent.State.Should().Be(ScheduleIntentStates.Unknown);
        intent.BundleId.Should().Be(DeviceApi.BundleId);
        problem.Detail().Should().Contain(intent.IntentId, "the caller can quote the intent to an operator");
    }

    [Fact]
    public async Task A_job_nRF_Cloud_created_but_the_store_refused_is_an_unknown_outcome_and_its_intent_stays()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.Database.ExecuteAsync(api.Database.Kind == DatabaseKind.Postgres
            ? "CREATE FUNCTION refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'store refused'; END $$; "
              + "CREATE TRIGGER refuse_job BEFORE INSERT ON fota_jobs FOR EACH ROW EXECUTE FUNCTION refuse_job();"
            : "CREATE TRIGGER refuse_job BEFORE INSERT ON fota_jobs BEGIN SELECT RAISE(ABORT, 'store refused'); END;");
        var jobId = Guid.NewGuid().ToString();
        await api.AcceptCreateAsync(jobId);
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem["title"]!.GetValue<string>().Should().Be("Scheduling FOTA update failed", "the schedule's own answer, not an unhandled error");
        problem.Detail().Should().Contain("outcome is unknown").And.Contain("could not be stored").And.NotContain(jobId, "the id is nRF Cloud's");
        var intent = (await api.IntentsAsync(device.DeviceId)).Should().ContainSingle().Subject;
        intent.State.Should().Be(ScheduleIntentStates.Pending, "the confirm rolled back; reconciliation adopts the job");
        problem.Detail().Should().Contain(intent.IntentId);
        api.Logs.Lines.Should().Contain(line => line.Contains(jobId, StringComparison.Ordinal), "the log names the job nRF Cloud made");
    }

    [Fact]
    public async Task A_caller_that_goes_away_mid_create_still_gets_its_job_stored()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.ProcessThenHoldAnswer(release.Task);
        using var client = api.CreateClient();
        using var caller = new CancellationTokenSource();

        var schedule = client.PostAsJsonAsync(DeviceApi.SchedulePath(device), new { bundleId = DeviceApi.BundleId }, caller.Token);
        await Eventually.TrueAsync(() => api.NrfCloud.CreatedJobs.Count == 1, "the create to reach nRF Cloud");
        await caller.CancelAsync();
        release.SetResult();
        try
        {
            (await schedule).Dispose();
        }
        catch (OperationCanceledException)
        {
            // The caller went away; what it would have been told does not matter here.
        }

        var jobs = await Eventually.ReturnsAsync(() => client.ListJobsAsync(device), j => j.Count == 1, "the created job to be stored");
        jobs[0]!["id"]!.GetValue<string>().Should().Be(api.NrfCloud.CreatedJobs[0]);
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_service_stopping_mid_create_lets_the_create_finish_and_stores_the_job()
    {
        // Failed before the fix: the stop cancelled the create, the caller got 500 and the job nRF Cloud made was never stored.
        using var database = TestDatabase.Create(TestDatabase.DefaultKind);
        var api = new FotaApiFactory(database: database);
        var device = await api.RegisterDeviceAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.ProcessThenHoldAnswer(release.Task);
        var client = api.CreateClient();

        var schedule = client.ScheduleAsync(device);
        await Eventually.TrueAsync(() => api.NrfCloud.CreatedJobs.Count == 1, "the create to reach nRF Cloud");
        var lifetime = api.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = Task.Run(() => api.DisposeAsync().AsTask());
        await Eventually.TrueAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the service to begin its stop");
        release.SetResult();

        try
        {
            (await schedule).Dispose();
        }
        catch (HttpRequestException)
        {
            // The test server aborts its requests when it is torn down; DrainOnStopTests shows a real caller its 202.
        }
        catch (OperationCanceledException)
        {
        }

        await stopping;
        client.Dispose();
        await using var store = await StoreHost.StartAsync(database, migrate: false);
        (await store.Jobs.FindAsync(api.NrfCloud.CreatedJobs[0], CancellationToken.None)).Should().NotBeNull("the job nRF Cloud created is stored");
        (await store.Jobs.ListIntentsAsync(device.DeviceId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public void The_host_shutdown_timeout_covers_a_create_and_its_store()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["NrfCloud:TotalTimeout"] = "00:01:00" });

        var shutdown = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout;

        shutdown.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1) + global::Fota.Api.Jobs.Scheduling.FotaScheduler.StoreBudget + global::Fota.Api.Jobs.Scheduling.FotaScheduler.StoreBudget);
    }

    [Fact]
    public async Task An_intent_left_pending_by_a_dead_instance_is_reconciled_and_then_no_longer_blocks()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        var store = api.Services.GetRequiredService<IJobStore>();
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        var orphan = new ScheduleIntent("orphan", device.DeviceId, FotaApiFactory.AccountName, DeviceApi.BundleId, ScheduleIntentStates.Pending, null, longAgo);
        var nrfCloudListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.Always(FakeNrfCloudJobList.Route, async (_, cancellationToken) =>
        {
            await nrfCloudListed.Task.WaitAsync(cancellationToken);
            return FakeNrfCloud.Response(HttpStatusCode.OK, FakeNrfCloudJobList.Page([]));
        });
        (await store.TryBeginScheduleAsync(orphan, longAgo.AddMinutes(1), CancellationToken.None)).Should().Be(ScheduleBegin.Started);
        api.NrfCloud.ProcessAndAccept();
        using var client = api.CreateClient();

        var blocked = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        blocked.Detail().Should().Contain("orphan", "the open intent blocks until it is reconciled");
        nrfCloudListed.SetResult();
        await Eventually.ReturnsAsync(() => api.IntentsAsync(device.DeviceId), intents => intents.Count == 0, "nRF Cloud lists no job: nothing was created");

        var response = await client.ScheduleAsync(device);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_identical_schedules_create_one_job_and_the_others_get_409()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.ProcessThenHoldAnswer(release.Task, everyCreate: true);
        using var client = api.CreateClient();

        var requests = Enumerable.Range(0, 50).Select(_ => client.ScheduleAsync(device)).ToList();
        await Eventually.TrueAsync(() => requests.Count(r => r.IsCompleted) == 49, "49 requests to be refused while the first is created");
        release.SetResult();
        var responses = await Task.WhenAll(requests);

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        conflicts.Should().HaveCount(49);
        var conflict = await conflicts[0].ShouldBeProblemAsync(HttpStatusCode.Conflict);
        conflict["title"]!.GetValue<string>().Should().Be("FOTA job is already being scheduled");
        conflict.Detail().Should().MatchRegex(
            $@"^A request to schedule bundle {Regex.Escape(DeviceApi.BundleId)} for device {device.DeviceId} \(intent [0-9a-f]{{32}}\) is still being "
            + @"created at nRF Cloud, or its outcome is being reconciled\. Wait for its answer, then list the device's jobs\.$");
        api.NrfCloud.CreatedJobs.Should().ContainSingle();
        (await client.ListJobsAsync(device)).Should().ContainSingle();
    }

    [Fact]
    public async Task The_rule_holds_across_two_instances_sharing_a_database()
    {
        using var first = new FotaApiFactory();
        using var second = new FotaApiFactory(database: first.Database, nrfCloud: first.NrfCloud);
        var device = await first.RegisterDeviceAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.NrfCloud.ProcessThenHoldAnswer(release.Task, everyCreate: true);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var requests = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).ScheduleAsync(device)).ToList();
        await Eventually.TrueAsync(() => requests.Count(r => r.IsCompleted) == 19, "19 requests to be refused");
        release.SetResult();
        var responses = await Task.WhenAll(requests);

        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Accepted)
            .And.Subject.Count(s => s == HttpStatusCode.Conflict).Should().Be(19);
        first.NrfCloud.CreatedJobs.Should().ContainSingle();
    }

    [Fact]
    public async Task Different_bundles_for_one_device_may_be_scheduled_at_once()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.ProcessThenHoldAnswer(release.Task, everyCreate: true);
        using var client = api.CreateClient();

        var app = client.ScheduleAsync(device, "APP*1e29dfa3*v2.0.0");
        var modem = client.ScheduleAsync(device, "MODEM*1e29dfa3*v2.0.0");
        await Eventually.TrueAsync(() => api.NrfCloud.CreatedJobs.Count == 2, "both creates to reach nRF Cloud");
        release.SetResult();

        (await app).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await modem).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Fifty_identical_schedules_with_a_fast_nrf_cloud_give_one_202_and_49_409()
    {
        // Failed before the fix: a schedule after the first create was confirmed found no PENDING intent and created a second job.
        // The fake nRF Cloud: it answers without network latency, so most schedules arrive after the first create is confirmed.
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always(FakeNrfCloudFaults.Create, (_, _) =>
            Task.FromResult(FakeNrfCloud.Response(HttpStatusCode.OK, $"{{\"jobId\":\"{api.NrfCloud.CreateJob()}\"}}")));
        using var client = api.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.ScheduleAsync(device)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(49);
        api.NrfCloud.CreatedJobs.Should().ContainSingle();
        (await client.ListJobsAsync(device)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_running_job_refuses_the_same_bundle_until_it_has_ended()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        const string first = "job-first";
        await api.AcceptCreateAsync(first);
        await api.AcceptCreateAsync("job-modem");
        using var client = api.CreateClient();
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var conflict = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        conflict["title"]!.GetValue<string>().Should().Be("FOTA job is already running");
        conflict.Detail().Should().Be(
            $"FOTA job {first} with bundle {DeviceApi.BundleId} for device {device.DeviceId} has not ended yet. "
            + "Wait for it to end or cancel it, then schedule again.");
        (await client.ScheduleAsync(device, "MODEM*1e29dfa3*v2.0.0")).StatusCode.Should().Be(HttpStatusCode.Accepted, "another bundle may run beside it");
        await api.AcceptCreateAsync("job-again");
        await api.Services.GetRequiredService<IJobStore>().CancelAsync(first, "cancelled by the test", "2024-01-01T00:00:00.000Z", CancellationToken.None);
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted, "the first job has ended");
        (await client.ListJobsAsync(device)).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_create_answered_with_a_job_id_already_stored_fails_naming_nrf_cloud_and_blocks_nothing()
    {
        // Failed before the fix: a unique-constraint exception (500, Critical log) and a PENDING intent answering 409 afterwards.
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        foreach (var jobId in new[] { "same-id", "same-id", "new-id" })
        {
            await api.AcceptCreateAsync(jobId);
        }

        using var client = api.CreateClient();
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var problem = await (await client.ScheduleAsync(device, "MODEM*1e29dfa3*v2.0.0")).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("already tracks").And.NotContain("same-id");
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty("the request is resolved: it made no job of its own");
        api.Logs.Lines.Should().NotContain(line => line.StartsWith("Critical", StringComparison.Ordinal) || line.Contains("Unhandled", StringComparison.OrdinalIgnoreCase));
        (await client.ScheduleAsync(device, "MODEM*1e29dfa3*v2.0.0")).StatusCode.Should().Be(HttpStatusCode.Accepted, "no false 409");
        (await api.FindJobAsync("same-id"))!.BundleId.Should().Be(DeviceApi.BundleId, "the stored job is untouched");
    }
}
