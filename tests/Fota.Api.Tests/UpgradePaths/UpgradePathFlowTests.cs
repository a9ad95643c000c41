using System.Net;
using System.Text.Json.Nodes;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>SPEC §3.6: the upgrade-path flow, end to end in one instance, against the fake nRF Cloud and a device-state double.</summary>
public sealed class UpgradePathFlowTests : IAsyncLifetime
{
    private const string Bundle1 = "APP*1e29dfa3*v2.0.1";
    private const string Bundle2 = "APP*cd5412d9*v2.0.2";
    private const string TwoSteps = $$"""{"2.0.0":"{{Bundle1}}","2.0.1":"{{Bundle2}}"}""";

    private UpgradePathHost _host = null!;
    private NrfCloudJobs _jobs = null!;

    public ValueTask InitializeAsync()
    {
        _host = new UpgradePathHost(new FakeDeviceStates());
        _jobs = new NrfCloudJobs(_host.NrfCloud);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_two_step_path_runs_each_step_after_nRF_Cloud_completed_and_the_device_reported_then_succeeds()
    {
        var device = await _host.RegisterDeviceAsync();
        await using var socket = await _host.ConnectAsync(device);
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);

        var nrfJob1 = await _jobs.CreatedAsync(1);
        _jobs.Created[0].BundleId.Should().Be(Bundle1);
        var job = await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForCloud, "step 3");
        job!.Status.Should().Be("IN_PROGRESS");
        job.StatusDetail.Should().Be($"Started job for version 2.0.0 with bundle {Bundle1}.");
        job.ReportedVersion.Should().Be("2.0.0");
        (await _host.SeedJobsAsync(device)).Select(j => j!["id"]!.GetValue<string>()).Should().Contain(nrfJob1, "the step's nRF Cloud job is a real job execution");

        _jobs.SetStatus(nrfJob1, "COMPLETED");
        await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice, "step 4");
        _host.DeviceStates.IsWatched(device.DeviceId, jobId).Should().BeTrue("step 4 asks for background reads");

        _host.DeviceStates.ReportApp(device.DeviceId, "2.0.1");
        var nrfJob2 = await _jobs.CreatedAsync(2);
        _jobs.Created[1].BundleId.Should().Be(Bundle2);
        job = await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForCloud && j.NrfJobId == nrfJob2, "the second step's step 3");
        job!.StatusDetail.Should().Be($"Started job for version 2.0.1 with bundle {Bundle2}.");
        job.ReportedVersion.Should().Be("2.0.1");
        await Eventually.TrueAsync(() => !_host.DeviceStates.IsWatched(device.DeviceId, jobId), "leaving step 4 ends the watch");

        _jobs.SetStatus(nrfJob2, "COMPLETED");
        _host.DeviceStates.ReportApp(device.DeviceId, "2.0.2");
        job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");
        job!.Status.Should().Be("SUCCEEDED");
        job.StatusDetail.Should().Be("No more bundles to apply for 2.0.2. Job completed.");
        job.ReportedVersion.Should().Be("2.0.2");
        _jobs.Created.Should().HaveCount(2, "one nRF Cloud job per step");

        // Every change of the job is one fota/job message, in order (job-execution messages of the steps' jobs interleave).
        var seen = new List<JsonObject>();
        while (seen.Count == 0 || seen[^1]["status"]!.GetValue<string>() != "SUCCEEDED")
        {
            var message = await socket.ReceiveAsync();
            if (message["@context"]!.GetValue<string>() == "https://github.com/hello-nrfcloud/proto/fota/job")
            {
                Contract.ShouldValidate(message, Contract.UpgradePathJob);
                seen.Add(message);
            }
        }

        seen.Select(m => $"{m["status"]} {m["reportedVersion"]} {m["statusDetail"]}").Should().Equal(
            "NEW 2.0.0 The job has been created",
            $"IN_PROGRESS 2.0.0 Started job for version 2.0.0 with bundle {Bundle1}.",
            $"IN_PROGRESS 2.0.1 Started job for version 2.0.1 with bundle {Bundle2}.",
            "SUCCEEDED 2.0.2 No more bundles to apply for 2.0.2. Job completed.");
        var listed = (await _host.ListAsync(device))["jobs"]![0]!;
        listed["status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        listed["timestamp"]!.GetValue<string>().Should().Be(seen[^1]["timestamp"]!.GetValue<string>(), "timestamp is the last change");
    }

    [Fact]
    public async Task The_first_entry_in_the_order_written_whose_range_matches_names_the_bundle()
    {
        var device = await _host.RegisterDeviceAsync();
        await _host.ScheduleOkAsync(device, """{"<2.0.0":"APP*00000000*v1","2.0.0":"APP*11111111*v2",">=2.0.0":"APP*22222222*v3"}""");

        await _jobs.CreatedAsync(1);

        _jobs.Created[0].BundleId.Should().Be("APP*11111111*v2");
    }

    [Fact]
    public async Task No_matching_entry_succeeds_at_once_without_an_nRF_Cloud_job()
    {
        var device = await _host.RegisterDeviceAsync();
        var jobId = await _host.ScheduleOkAsync(device, """{"<2.0.0":"APP*00000000*v1"}""");

        var job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");

        job!.Status.Should().Be("SUCCEEDED");
        job.StatusDetail.Should().Be("No more bundles to apply for 2.0.0. Job completed.");
        _jobs.Created.Should().BeEmpty();
    }

    [Fact]
    public async Task A_path_that_returns_to_a_version_it_started_from_fails_as_a_loop()
    {
        var device = await _host.RegisterDeviceAsync();
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);
        await CompleteStepAsync(jobId, 1, device, "2.0.1");
        await CompleteStepAsync(jobId, 2, device, "2.0.0");

        var job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");

        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be("The upgrade path returned to version 2.0.0.");
        job.ReportedVersion.Should().Be("2.0.0");
        _jobs.Created.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("CANCELLED")]
    [InlineData("TIMED_OUT")]
    public async Task A_steps_nRF_Cloud_job_ending_otherwise_than_COMPLETED_fails_the_job(string status)
    {
        var device = await _host.RegisterDeviceAsync();
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);
        var nrfJob = await _jobs.CreatedAsync(1);

        _jobs.SetStatus(nrfJob, status);

        var job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");
        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be($"The nRF Cloud job {nrfJob} ended with status {status}.");
    }

    [Fact]
    public async Task A_create_nRF_Cloud_refuses_fails_the_job_naming_nRF_Cloud_and_its_status()
    {
        var device = await _host.RegisterDeviceAsync();
        _host.NrfCloud.Enqueue("POST /v1/fota-jobs", HttpStatusCode.BadRequest, """{"message":"secret upstream text"}""");
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);

        var job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");

        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().StartWith($"Creating the nRF Cloud job for bundle {Bundle1} failed: ").And.Contain("nRF Cloud").And.Contain("400");
        job.StatusDetail.Should().NotContain("secret upstream text");
        (await _host.Services.GetRequiredService<IJobStore>().ListIntentsAsync(device.DeviceId, CancellationToken.None)).Should().BeEmpty("nothing was created");
    }

    [Fact]
    public async Task A_create_with_an_unknown_outcome_fails_the_job_and_keeps_the_intent()
    {
        var device = await _host.RegisterDeviceAsync();
        _host.NrfCloud.Enqueue("POST /v1/fota-jobs", HttpStatusCode.BadGateway);
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);

        var job = await _host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");

        job!.StatusDetail.Should().Be($"The outcome of the nRF Cloud job for bundle {Bundle1} is unknown.");
        _host.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Should().HaveCount(1, "the create is sent once");
    }

    [Fact]
    public async Task Cancel_while_waiting_for_nRF_Cloud_cancels_the_steps_job_there_and_nothing_revives_the_job()
    {
        var device = await _host.RegisterDeviceAsync();
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);
        var nrfJob = await _jobs.CreatedAsync(1);
        await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForCloud, "step 3");

        (await _host.CancelAsync(device, jobId)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await Eventually.TrueAsync(() => _host.NrfCloud.CallsTo("PUT", $"/v1/fota-jobs/{nrfJob}/cancel").Count == 1, "nRF Cloud's job to be cancelled");
        var execution = await Eventually.ReturnsAsync(
            async () => (await _host.SeedJobsAsync(device)).Single(j => j!["id"]!.GetValue<string>() == nrfJob)!,
            j => j["status"]!.GetValue<string>() == "CANCELLED",
            "the job execution to show the cancel");
        execution["statusDetail"]!.GetValue<string>().Should().Be("The job was cancelled.");
        // The flow records the cancel's outcome after nRF Cloud's PUT and the execution's change, so wait for it too.
        await _host.JobWhenAsync(jobId, j => j.CancelState == UpgradePathCancelStates.Done, "the cancel at nRF Cloud to be recorded");
        _jobs.SetStatus(nrfJob, "COMPLETED");
        _host.DeviceStates.ReportApp(device.DeviceId, "2.0.1");
        var job = await _host.Store.FindAsync(jobId, CancellationToken.None);
        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be("The job was cancelled.");
        job.CancelState.Should().Be(UpgradePathCancelStates.Done);
        _jobs.Created.Should().HaveCount(1);
    }

    [Fact]
    public async Task Cancel_while_waiting_for_the_device_needs_no_nRF_Cloud_call_and_ends_the_watch()
    {
        var device = await _host.RegisterDeviceAsync();
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);
        _jobs.SetStatus(await _jobs.CreatedAsync(1), "COMPLETED");
        await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice, "step 4");

        (await _host.CancelAsync(device, jobId)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        _host.DeviceStates.IsWatched(device.DeviceId, jobId).Should().BeFalse();
        _host.DeviceStates.ReportApp(device.DeviceId, "2.0.1");
        var job = await _host.Store.FindAsync(jobId, CancellationToken.None);
        job!.StatusDetail.Should().Be("The job was cancelled.");
        job.CancelState.Should().Be(UpgradePathCancelStates.None);
        _host.NrfCloud.Calls.Should().NotContain(c => c.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task A_cancel_that_races_a_create_wins_and_the_job_created_meanwhile_is_cancelled_at_nRF_Cloud()
    {
        var device = await _host.RegisterDeviceAsync();
        _jobs.HoldCreates();
        var jobId = await _host.ScheduleOkAsync(device, TwoSteps);
        await _jobs.Holding.Task.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);

        (await _host.CancelAsync(device, jobId)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        _jobs.Release();

        var nrfJob = await _jobs.CreatedAsync(1);
        await Eventually.TrueAsync(() => _host.NrfCloud.CallsTo("PUT", $"/v1/fota-jobs/{nrfJob}/cancel").Count == 1, "the job created meanwhile to be cancelled");
        var job = await _host.JobWhenAsync(jobId, j => j.CancelState == UpgradePathCancelStates.Done, "the cancel to be done");
        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be("The job was cancelled.");
        job.NrfJobId.Should().Be(nrfJob, "the v1 store linked the step's job");
    }

    private async Task CompleteStepAsync(string jobId, int step, Fota.Api.Devices.DeviceResponse device, string reports)
    {
        var nrfJob = await _jobs.CreatedAsync(step);
        await _host.JobWhenAsync(jobId, j => j.NrfJobId == nrfJob, $"step {step}'s job to be linked");
        _jobs.SetStatus(nrfJob, "COMPLETED");
        await _host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice, $"step {step}'s step 4");
        _host.DeviceStates.ReportApp(device.DeviceId, reports);
    }
}

/// <summary>SPEC §3.6 step 4's deadline, on a fake clock.</summary>
public sealed class UpgradePathReportTimeoutTests
{
    [Fact]
    public async Task A_device_that_does_not_report_in_time_fails_the_job()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new UpgradePathHost(
            new FakeDeviceStates(), settings: new Dictionary<string, string?> { ["Fota:UpgradePath:ReportTimeout"] = "00:10:00" }, time: time);
        var jobs = new NrfCloudJobs(host.NrfCloud);
        var device = await host.RegisterDeviceAsync();
        var jobId = await host.ScheduleOkAsync(device, """{"2.0.0":"APP*1e29dfa3*v2.0.1"}""");
        var tick = () =>
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            return Task.CompletedTask;
        };
        var created = await Eventually.ReturnsAsync(() => Task.FromResult(jobs.Created), c => c.Count == 1, "the create", between: tick);
        jobs.SetStatus(created[0].JobId, "COMPLETED");
        var waiting = await host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice, "step 4", tick);
        waiting!.ReportDeadline.Should().BeCloseTo(time.GetUtcNow() + TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), "set on entering step 4");

        time.Advance(TimeSpan.FromMinutes(9));
        (await host.Store.FindAsync(jobId, CancellationToken.None))!.IsFinal.Should().BeFalse("the deadline has not passed");
        time.Advance(TimeSpan.FromMinutes(1));

        var job = await host.JobWhenAsync(jobId, j => j.IsFinal, "the job to time out", tick);
        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be("The device did not report a new version in time.");
        host.DeviceStates.IsWatched(device.DeviceId, jobId, time.GetUtcNow()).Should().BeFalse("the watch ends at the report deadline");
    }
}
