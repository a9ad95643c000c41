using System.Net;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// The poller under faults: a slow account holds only its own slots, and a stopping instance gives its claims back,
/// including the ones it claimed ahead and never started.
/// </summary>
public sealed class PollerFaultTests
{
    [Fact]
    public async Task A_slow_account_does_not_hold_back_the_first_poll_of_another_accounts_job()
    {
        using var api = new FotaApiFactory();
        var slowKey = $"slow-{Guid.NewGuid():N}";
        var slowDevice = await api.RegisterDeviceAsync(account: "slow", apiKey: slowKey);
        var healthyDevice = await api.RegisterDeviceAsync();
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.DelayFor(slowKey, (request, cancellationToken) =>
            request.Method == HttpMethod.Get ? stuck.Task.WaitAsync(cancellationToken) : Task.CompletedTask);
        using var client = api.CreateClient();
        api.NrfCloud.AcceptCreate("slow-job");
        (await client.ScheduleAsync(slowDevice)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => api.NrfCloud.CallsTo("GET", "/v1/fota-jobs/slow-job").Count == 1, "the slow account's poll to start");

        api.NrfCloud.AcceptCreate("healthy-job");
        api.NrfCloud.Always("GET /v1/fota-jobs/healthy-job", HttpStatusCode.OK, NrfCloudJson.Job("healthy-job", "IN_PROGRESS"));
        (await client.ScheduleAsync(healthyDevice)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await Eventually.ReturnsAsync(
            () => api.FindJobAsync("healthy-job"), j => j?.Status == "IN_PROGRESS", "the healthy job's first poll while the slow call still hangs");
        stuck.Task.IsCompleted.Should().BeFalse();
        stuck.SetResult();
    }

    [Fact]
    public async Task Sixteen_due_jobs_of_a_hanging_account_leave_a_slot_for_another_accounts_job()
    {
        var nrfCloud = new FakeNrfCloud();
        using var database = TestDatabase.Create(TestDatabase.DefaultKind);
        using var scheduler = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
        });
        var slowKey = $"slow-{Guid.NewGuid():N}";
        var slowDevice = await scheduler.RegisterDeviceAsync(account: "slow", apiKey: slowKey);
        var healthyDevice = await scheduler.RegisterDeviceAsync();
        using (var client = scheduler.CreateClient())
        {
            // All due before the healthy job, so a claim of "due longest first" takes only these.
            for (var i = 0; i < 16; i++)
            {
                nrfCloud.AcceptCreate($"slow-{i}");
                (await client.ScheduleAsync(slowDevice, $"APP*1e29dfa3*v2.0.{i}")).StatusCode.Should().Be(HttpStatusCode.Accepted);
            }

            nrfCloud.AcceptCreate("healthy-job");
            (await client.ScheduleAsync(healthyDevice)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nrfCloud.DelayFor(slowKey, (request, cancellationToken) =>
            request.Method == HttpMethod.Get ? hang.Task.WaitAsync(cancellationToken) : Task.CompletedTask);
        nrfCloud.Always("GET /v1/fota-jobs/healthy-job", HttpStatusCode.OK, NrfCloudJson.Job("healthy-job", "IN_PROGRESS"));
        await using var poller = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            // No timeout ends a hanging call (and no retry adds one) before the test releases it.
            ["NrfCloud:AttemptTimeout"] = "00:10:00",
            ["NrfCloud:TotalTimeout"] = "00:10:00",
            ["Fota:Poller:ClaimDuration"] = "00:20:00",
        });
        _ = poller.Services; // starts the host and its poller (4 slots)

        await Eventually.ReturnsAsync(
            () => poller.FindJobAsync("healthy-job"), j => j?.Status == "IN_PROGRESS", "the healthy account's job to be polled while every slow call hangs");
        await Eventually.TrueAsync(() => SlowPolls() == 3, "the hanging account to fill its share of the slots");
        hang.Task.IsCompleted.Should().BeFalse();
        SlowPolls().Should().Be(3, "the hanging account holds at most its share (Fota:Poller:MaxConcurrencyPerAccount, default all of the 4 slots but one)");
        hang.SetResult();

        int SlowPolls() => nrfCloud.Calls.Count(call =>
            call.Method == HttpMethod.Get && call.Uri.AbsolutePath.StartsWith("/v1/fota-jobs/slow-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stopping_instance_releases_its_claims_at_once()
    {
        var nrfCloud = new FakeNrfCloud();
        using var database = TestDatabase.Create(TestDatabase.DefaultKind);
        var first = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:MaxConcurrencyPerAccount"] = "4", // one account may fill every slot here
        });
        using var second = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
        });
        var device = await first.RegisterDeviceAsync();
        nrfCloud.DelayFor(first.ApiKey, (request, cancellationToken) =>
            request.Method == HttpMethod.Get ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask);
        using (var client = first.CreateClient())
        {
            foreach (var jobId in new[] { "job-a", "job-b", "job-c" })
            {
                nrfCloud.AcceptCreate(jobId);
                (await client.ScheduleAsync(device, DeviceApi.BundleFor(jobId))).StatusCode.Should().Be(HttpStatusCode.Accepted);
            }
        }

        await Eventually.TrueAsync(() => nrfCloud.CallsTo("GET", "/v1/fota-jobs/job-c").Count == 1, "every job to be claimed and polled");
        (await Claimed(database)).Should().Be(3);

        await first.DisposeAsync();

        (await Claimed(database)).Should().Be(0, "a stopping poller gives its claims back instead of waiting for the 30 s lease");
        (await Scalar(database, "SELECT COUNT(*) FROM fota_jobs WHERE poll_count > 0;")).Should().Be(
            0, "a poll cut short by the stop is no failed poll: the jobs stay due at once, not after a backoff");
    }

    [Fact]
    public async Task A_stopping_instance_releases_jobs_it_claimed_ahead_but_never_started()
    {
        var nrfCloud = new FakeNrfCloud();
        using var database = TestDatabase.Create(TestDatabase.DefaultKind);
        using var scheduler = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
        });
        var device = await scheduler.RegisterDeviceAsync();
        using (var client = scheduler.CreateClient())
        {
            foreach (var jobId in new[] { "job-a", "job-b", "job-c" })
            {
                nrfCloud.AcceptCreate(jobId);
                (await client.ScheduleAsync(device, DeviceApi.BundleFor(jobId))).StatusCode.Should().Be(HttpStatusCode.Accepted);
            }
        }

        nrfCloud.DelayFor(scheduler.ApiKey, (request, cancellationToken) =>
            request.Method == HttpMethod.Get ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask);
        var poller = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:MaxConcurrency"] = "1",
        });
        _ = poller.Services; // starts the host and its poller

        await Eventually.ReturnsAsync(() => Claimed(database), claimed => claimed == 3, "one claim to take all three due jobs for the single slot");
        PollCalls(nrfCloud).Should().BeLessThanOrEqualTo(1, "one slot means one call at a time, and the first never ends");

        await poller.DisposeAsync();

        (await Claimed(database)).Should().Be(0, "claims of jobs that were queued but never started are given back too");
        PollCalls(nrfCloud).Should().BeLessThanOrEqualTo(1, "a stopping poller starts nothing from its queue");
    }

    private static int PollCalls(FakeNrfCloud nrfCloud) => nrfCloud.Calls.Count(call => call.Method == HttpMethod.Get);

    private static Task<long> Claimed(TestDatabase database) => Scalar(database, "SELECT COUNT(*) FROM fota_jobs WHERE claimed_by IS NOT NULL;");

    private static async Task<long> Scalar(TestDatabase database, string sql) =>
        Convert.ToInt64(await database.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);
}
