using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// The <c>upgrade_path_jobs</c> store on every database (<see cref="SqliteUpgradePathStoreTests"/>,
/// <see cref="PostgresUpgradePathStoreTests"/>): the open-job index, claims, conditional writes, the cancel and its link to
/// the v1 job, and the change events.
/// </summary>
public abstract class UpgradePathStoreTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = TestDatabase.Create(kind);
    private StoreHost _host = null!;

    private IUpgradePathStore Store => _host.Get<IUpgradePathStore>();

    public async ValueTask InitializeAsync() => _host = await StoreHost.StartAsync(_database);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task One_open_job_per_device_and_target()
    {
        var job = NewJob("oob-1");
        (await Store.TryInsertAsync(job, CancellationToken.None)).Should().BeTrue();

        (await Store.TryInsertAsync(NewJob("oob-1"), CancellationToken.None)).Should().BeFalse("the device has an open app job");
        (await Store.TryInsertAsync(NewJob("oob-1", "modem"), CancellationToken.None)).Should().BeTrue("the modem target is free");
        (await Store.TryInsertAsync(NewJob("oob-2"), CancellationToken.None)).Should().BeTrue("another device is free");

        await Store.CancelAsync(job.JobId, "oob-1", "The job was cancelled.", "2024-06-06T12:00:01.000Z", Now, CancellationToken.None);
        (await Store.TryInsertAsync(NewJob("oob-1"), CancellationToken.None)).Should().BeTrue("a final job is no obstacle");
    }

    [Fact]
    public async Task A_claimed_job_is_nobody_elses_until_its_lease_runs_out_and_only_its_owner_writes()
    {
        var job = NewJob("oob-1");
        await Store.TryInsertAsync(job, CancellationToken.None);

        (await Store.ClaimDueAsync("one", Now, Now.AddMinutes(1), 100, CancellationToken.None)).Select(j => j.JobId).Should().Contain(job.JobId);
        (await Store.ClaimDueAsync("two", Now.AddSeconds(59), Now.AddMinutes(2), 100, CancellationToken.None)).Should().BeEmpty();
        (await Store.AdvanceAsync("two", job with { Step = UpgradePathSteps.Start }, Now, false, CancellationToken.None)).Should().BeNull("two holds no claim");
        (await Store.ClaimDueAsync("two", Now.AddMinutes(1), Now.AddMinutes(2), 100, CancellationToken.None)).Select(j => j.JobId).Should().Contain(job.JobId);
        (await Store.AdvanceAsync("one", job with { Step = UpgradePathSteps.Start }, Now, false, CancellationToken.None)).Should().BeNull("one lost the claim");
        (await Store.FindAsync(job.JobId, CancellationToken.None))!.Step.Should().Be(UpgradePathSteps.Next);
    }

    [Fact]
    public async Task Only_visible_changes_are_change_events_and_a_write_after_a_cancel_changes_nothing()
    {
        var job = NewJob("oob-events");
        await Store.TryInsertAsync(job, CancellationToken.None);
        await Store.ClaimDueAsync("one", Now, Now.AddMinutes(1), 100, CancellationToken.None);

        await Store.AdvanceAsync("one", job with { Step = UpgradePathSteps.Start, IntentId = "i1" }, Now, true, CancellationToken.None);
        var started = await Store.AdvanceAsync("one", job with { Status = "IN_PROGRESS", StatusDetail = "Started", Step = UpgradePathSteps.Start, IntentId = "i1" }, Now, true, CancellationToken.None);
        started!.Status.Should().Be("IN_PROGRESS");
        var cancelled = await Store.CancelAsync(job.JobId, "oob-events", "The job was cancelled.", "2024-06-06T12:00:01.000Z", Now, CancellationToken.None);
        cancelled!.CancelState.Should().Be(UpgradePathCancelStates.Pending, "step 2 may have a running nRF Cloud job");
        (await Store.AdvanceAsync("one", started with { Status = "SUCCEEDED", IsFinal = true }, Now, false, CancellationToken.None)).Should().BeNull();
        (await Store.CancelAsync(job.JobId, "oob-events", "again", "x", Now, CancellationToken.None)).Should().BeNull("it is final");

        var stored = await Store.FindAsync(job.JobId, CancellationToken.None);
        stored!.Status.Should().Be("FAILED");
        stored.StatusDetail.Should().Be("The job was cancelled.");
        var events = (await _host.Get<IChangeEventStore>().ReadAfterAsync(0, 100, CancellationToken.None)).Where(e => e.DeviceId == "oob-events").ToList();
        events.Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.Payload)!["status"]!.GetValue<string>()).Should().Equal(["NEW", "IN_PROGRESS", "FAILED"]);
    }

    [Fact]
    public async Task A_cancelled_step_becomes_due_for_its_nRF_Cloud_cancel_once_the_v1_store_links_its_job()
    {
        var job = NewJob("oob-link");
        await Store.TryInsertAsync(job, CancellationToken.None);
        await Store.ClaimDueAsync("one", Now, Now.AddMinutes(1), 100, CancellationToken.None);
        await Store.AdvanceAsync("one", job with { Step = UpgradePathSteps.Start, IntentId = "intent-link" }, Now, true, CancellationToken.None);
        await Store.CancelAsync(job.JobId, "oob-link", "The job was cancelled.", "2024-06-06T12:00:01.000Z", Now, CancellationToken.None);
        (await Store.ClaimDueAsync("two", Now, Now.AddMinutes(1), 100, CancellationToken.None)).Should().BeEmpty("no job to cancel is known yet");

        var jobs = _host.Jobs;
        await jobs.TryBeginScheduleAsync(new ScheduleIntent("intent-link", "oob-link", "test", "APP*1e29dfa3*v2", ScheduleIntentStates.Pending, null, Now), Now.AddHours(1), CancellationToken.None);
        await jobs.ConfirmScheduledAsync("intent-link", new StoredJob("nrf-link", "oob-link", "test", "APP*1e29dfa3*v2", "QUEUED", null, "unknown", "x", Now), CancellationToken.None);

        var due = (await Store.ClaimDueAsync("two", Now, Now.AddMinutes(1), 100, CancellationToken.None)).Single();
        due.NrfJobId.Should().Be("nrf-link");
        due.IsFinal.Should().BeTrue();
        await Store.SaveCancelOutcomeAsync("two", job.JobId, UpgradePathCancelStates.Done, 0, Now, CancellationToken.None);
        (await Store.ClaimDueAsync("three", Now.AddHours(1), Now.AddHours(2), 100, CancellationToken.None)).Should().BeEmpty("the cancel is done");
    }

    [Fact]
    public async Task The_list_is_newest_first_and_the_devices_own()
    {
        var older = NewJob("oob-list", createdAt: Now.AddMinutes(-1));
        var newer = NewJob("oob-list", "modem");
        await Store.TryInsertAsync(older, CancellationToken.None);
        await Store.TryInsertAsync(newer, CancellationToken.None);
        await Store.TryInsertAsync(NewJob("oob-other"), CancellationToken.None);

        (await Store.ListForDeviceAsync("oob-list", 10, CancellationToken.None)).Select(j => j.JobId).Should().Equal(newer.JobId, older.JobId);
    }

    private static StoredUpgradePathJob NewJob(string deviceId, string target = "app", DateTimeOffset? createdAt = null) => new(
        Ulid.NewUlid().ToString(), deviceId, "test", target, """{"2.0.0":"APP*1e29dfa3*v2.0.1"}""", "NEW", "The job has been created", "2.0.0",
        "2024-06-06T12:00:00.000Z", createdAt ?? Now, false, UpgradePathSteps.Next, null, null, null, "[]", null, UpgradePathCancelStates.None, 0);
}

public sealed class SqliteUpgradePathStoreTests() : UpgradePathStoreTests(DatabaseKind.Sqlite);

public sealed class PostgresUpgradePathStoreTests() : UpgradePathStoreTests(DatabaseKind.Postgres);
