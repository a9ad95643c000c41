using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// SPEC §3.6 durability: an instance is stopped (its host disposed) in each step of a two-step path and a new one starts on
/// the same database, nRF Cloud and device state; the flow resumes and ends SUCCEEDED with each step run once — one nRF Cloud
/// job per bundle, one message per change. Steps an instance can only leave behind by dying (a create sent and never
/// answered, or a create that certainly made nothing) are set up in the database as such an instance leaves them.
/// Runs on PostgreSQL too (<c>FOTA_TEST_DATABASE=postgres</c>).
/// </summary>
public sealed class UpgradePathKillTests : IAsyncLifetime
{
    private const string Bundle1 = TwoStepPath.Bundle1;
    private const string Bundle2 = TwoStepPath.Bundle2;
    private const string TwoSteps = TwoStepPath.Json;
    private static readonly IReadOnlyList<string> Succeeded = TwoStepPath.SucceededHistory;

    private readonly FakeDeviceStates _states = new();
    private readonly FakeNrfCloud _nrfCloud = new();
    private readonly TestDatabase _database = TestDatabase.Create(TestDatabase.DefaultKind);
    private NrfCloudJobs _jobs = null!;

    public ValueTask InitializeAsync()
    {
        _jobs = new NrfCloudJobs(_nrfCloud);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Stopped_in_step_1_before_the_flow_ran_the_next_instance_runs_the_job()
    {
        DeviceResponse device;
        string jobId;
        await using (var first = Host(flow: false))
        {
            device = await first.RegisterDeviceAsync();
            jobId = await first.ScheduleOkAsync(device, TwoSteps);
        }

        await using var second = Host();
        await FinishAsync(second, device, jobId);
    }

    [Fact]
    public async Task Stopped_in_step_2_while_the_create_is_under_way_the_create_is_recorded_and_the_next_instance_goes_on()
    {
        DeviceResponse device;
        string jobId;
        var first = Host();
        device = await first.RegisterDeviceAsync();
        _jobs.HoldCreates();
        jobId = await first.ScheduleOkAsync(device, TwoSteps);
        await _jobs.Holding.Task.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);
        (await first.Store.FindAsync(jobId, CancellationToken.None))!.Step.Should().Be(UpgradePathSteps.Start);

        var stopping = first.DisposeAsync().AsTask();
        _jobs.Release();
        await stopping;

        await using var second = Host();
        await FinishAsync(second, device, jobId);
    }

    [Fact]
    public async Task Died_in_step_2_with_the_create_sent_the_next_instance_fails_the_job_as_unknown_and_creates_nothing()
    {
        var (device, jobId, intentId) = await LeaveStep2BehindAsync(withOpenIntent: true);
        await using var second = Host();

        var job = await second.JobWhenAsync(jobId, j => j.IsFinal, "the resumed job to end");

        job!.Status.Should().Be("FAILED");
        job.StatusDetail.Should().Be($"The outcome of the nRF Cloud job for bundle {Bundle1} is unknown.");
        _jobs.Created.Should().BeEmpty("a create that may have reached nRF Cloud is never sent again");
        (await second.Services.GetRequiredService<IJobStore>().ListIntentsAsync(device.DeviceId, CancellationToken.None))
            .Select(i => i.IntentId).Should().Contain(intentId, "the intent is kept for reconciliation");
    }

    [Fact]
    public async Task Died_in_step_2_before_anything_was_created_the_next_instance_creates_the_steps_job_once()
    {
        var (device, jobId, _) = await LeaveStep2BehindAsync(withOpenIntent: false);
        await using var second = Host();

        await FinishAsync(second, device, jobId);
    }

    [Fact]
    public async Task Stopped_in_step_3_the_next_instance_follows_the_same_nRF_Cloud_job()
    {
        DeviceResponse device;
        string jobId;
        await using (var first = Host())
        {
            device = await first.RegisterDeviceAsync();
            jobId = await first.ScheduleOkAsync(device, TwoSteps);
            await first.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForCloud, "step 3");
        }

        await using var second = Host();
        await FinishAsync(second, device, jobId);
    }

    [Fact]
    public async Task Stopped_in_step_4_a_report_that_arrived_meanwhile_counts_on_the_next_instance()
    {
        DeviceResponse device;
        string jobId;
        await using (var first = Host())
        {
            device = await first.RegisterDeviceAsync();
            jobId = await first.ScheduleOkAsync(device, TwoSteps);
            _jobs.SetStatus(await _jobs.CreatedAsync(1), "COMPLETED");
            await first.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice, "step 4");
        }

        _states.ReportApp(device.DeviceId, "2.0.1");
        await using var second = Host();
        await FinishAsync(second, device, jobId);
    }

    private UpgradePathHost Host(bool flow = true) => new(
        _states,
        _database,
        _nrfCloud,
        flow ? null : new Dictionary<string, string?> { ["Fota:UpgradePath:Enabled"] = "false" });

    /// <summary>
    /// Schedules on an instance whose flow does not run, then writes what a dead instance leaves in step 2: the step recorded
    /// (with its intent id) under its expired claim, and, when <paramref name="withOpenIntent"/>, the create's PENDING intent.
    /// </summary>
    private async Task<(DeviceResponse Device, string JobId, string IntentId)> LeaveStep2BehindAsync(bool withOpenIntent)
    {
        await using var dead = Host(flow: false);
        var device = await dead.RegisterDeviceAsync();
        var jobId = await dead.ScheduleOkAsync(device, TwoSteps);
        var store = dead.Store;
        var now = DateTimeOffset.UtcNow;
        var claimed = (await store.ClaimDueAsync("dead", now, now.AddMinutes(5), 100, CancellationToken.None)).Single(j => j.JobId == jobId);
        var intentId = Guid.NewGuid().ToString("N");
        await store.AdvanceAsync(
            "dead",
            claimed with
            {
                Status = "IN_PROGRESS",
                StatusDetail = $"Started job for version 2.0.0 with bundle {Bundle1}.",
                Step = UpgradePathSteps.Start,
                StepBundleId = Bundle1,
                IntentId = intentId,
                StartedFrom = """["2.0.0"]""",
            },
            now,
            keepClaim: true,
            CancellationToken.None);
        if (withOpenIntent)
        {
            await dead.Services.GetRequiredService<IJobStore>().TryBeginScheduleAsync(
                new ScheduleIntent(intentId, device.DeviceId, device.Account, Bundle1, ScheduleIntentStates.Pending, null, now), now.AddHours(1), CancellationToken.None);
        }

        await store.ReleaseClaimsAsync("dead", CancellationToken.None); // the lease ran out
        return (device, jobId, intentId);
    }

    /// <summary>Runs the rest of the path on <paramref name="host"/> and checks each step ran once.</summary>
    private async Task FinishAsync(UpgradePathHost host, DeviceResponse device, string jobId)
    {
        var first = await _jobs.CreatedAsync(1);
        _jobs.SetStatus(first, "COMPLETED");
        if ((await _states.GetStoredAsync(device.DeviceId, CancellationToken.None))!.AppVersion == "2.0.0")
        {
            await host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForDevice || j.NrfJobId != first, "step 4");
            _states.ReportApp(device.DeviceId, "2.0.1");
        }

        _jobs.SetStatus(await _jobs.CreatedAsync(2), "COMPLETED");
        _states.ReportApp(device.DeviceId, "2.0.2");
        var job = await host.JobWhenAsync(jobId, j => j.IsFinal, "the job to end");

        job!.Status.Should().Be("SUCCEEDED", job.StatusDetail);
        _jobs.Created.Select(c => c.BundleId).Should().Equal([Bundle1, Bundle2], "one nRF Cloud job per step, none created twice");
        (await host.JobMessagesAsync(device.DeviceId)).Should().Equal(Succeeded, "each step ran once: one change each");
    }
}
