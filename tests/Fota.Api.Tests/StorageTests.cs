using System.Globalization;
using Fota.Api.Storage;
using Fota.Api.Storage.Postgres;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// The store's behaviour straight on the database: claims (leases), ordering, timestamps, constraints and migrations. One
/// suite, run on every database kind (<see cref="SqliteStorageTests"/>, <see cref="PostgresStorageTests"/>).
/// </summary>
public abstract class StorageTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase? _database;
    private StoreHost? _store;

    protected TestDatabase Database => _database ??= TestDatabase.Create(kind);

    protected StoreHost Store => _store ?? throw new InvalidOperationException("InitializeAsync starts the store");

    private IJobStore Jobs => Store.Jobs;

    public async ValueTask InitializeAsync() => _store = await StoreHost.StartAsync(Database);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> InsertDueJobAsync(string deviceId = "oob-1", DateTimeOffset? createdAt = null, string account = "test")
    {
        var jobId = $"storage-{Guid.NewGuid():N}";
        // Created (and due) far in the past, so only this test's claims at Now see it first.
        await Jobs.InsertAsync(
            new StoredJob(jobId, deviceId, account, "APP*1e29dfa3*v2.0.0", "QUEUED", null, "unknown", "2000-01-01T00:00:00.000Z", createdAt ?? Now.AddYears(-30)),
            CancellationToken.None);
        return jobId;
    }

    private async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string owner, DateTimeOffset at) =>
        await Jobs.ClaimDueAsync(owner, at, at + TimeSpan.FromMinutes(1), 10_000, [], CancellationToken.None);

    [Fact]
    public async Task A_claimed_job_is_nobody_elses_until_its_lease_runs_out()
    {
        var jobId = await InsertDueJobAsync();

        (await ClaimAsync("one", Now)).Select(j => j.JobId).Should().Contain(jobId);
        (await ClaimAsync("two", Now.AddSeconds(59))).Select(j => j.JobId).Should().NotContain(jobId, "one's lease lasts a minute");
        (await ClaimAsync("two", Now.AddMinutes(1))).Select(j => j.JobId).Should().Contain(jobId, "an expired lease can be taken over");

        var outcome = new PollOutcome(jobId, new JobStatusUpdate("IN_PROGRESS", null, "v1", "2024-06-06T12:00:00.000Z", false), Now.AddHours(1), 1);
        (await Jobs.SavePollOutcomesAsync("one", [outcome], CancellationToken.None)).Should().Be(0, "one lost the job, so its late answer is dropped");
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.Status.Should().Be("QUEUED");
        (await Jobs.SavePollOutcomesAsync("two", [outcome], CancellationToken.None)).Should().Be(1);
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.Status.Should().Be("IN_PROGRESS");
        (await ClaimAsync("three", Now.AddMinutes(59))).Select(j => j.JobId).Should().NotContain(jobId, "the next poll is due in an hour");
        (await ClaimAsync("three", Now.AddHours(1))).Select(j => j.JobId).Should().Contain(jobId);
    }

    [Fact]
    public async Task A_devices_newest_jobs_are_listed_newest_first_up_to_the_limit()
    {
        var deviceId = $"oob-{Guid.NewGuid():N}";
        (await Jobs.ListForDeviceAsync(deviceId, 10, CancellationToken.None)).Should().BeEmpty("an unregistered device has no jobs to show");

        var older = await InsertDueJobAsync(deviceId, Now.AddMinutes(-2));
        var newer = await InsertDueJobAsync(deviceId, Now.AddMinutes(-1));
        _ = await InsertDueJobAsync(deviceId, Now.AddMinutes(-3));
        await InsertDueJobAsync("oob-someone-else", Now);

        (await Jobs.ListForDeviceAsync(deviceId, 2, CancellationToken.None)).Select(j => j.JobId)
            .Should().Equal([newer, older], "newest first, at most the limit, only this device's");
    }

    [Fact]
    public async Task A_final_job_is_never_claimed_again()
    {
        var jobId = await InsertDueJobAsync();
        await ClaimAsync("one", Now);
        var completed = new PollOutcome(jobId, new JobStatusUpdate("COMPLETED", null, "v1", "2024-06-06T12:00:00.000Z", true), Now, 1);
        await Jobs.SavePollOutcomesAsync("one", [completed], CancellationToken.None);

        (await ClaimAsync("two", Now.AddYears(1))).Select(j => j.JobId).Should().NotContain(jobId);
    }

    [Fact]
    public async Task Owners_claiming_at_once_take_every_due_job_exactly_once_longest_due_first()
    {
        var jobIds = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            jobIds.Add(await InsertDueJobAsync(createdAt: Now.AddYears(-30).AddSeconds(i)));
        }

        var firstClaim = await Jobs.ClaimDueAsync("first", Now, Now.AddMinutes(1), 5, [], CancellationToken.None);
        firstClaim.Select(j => j.JobId).Should().BeEquivalentTo(jobIds.Take(5), "the jobs due longest are claimed first");

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async owner =>
        {
            var mine = new List<string>();
            IReadOnlyList<ClaimedJob> batch;
            while ((batch = await Jobs.ClaimDueAsync($"owner-{owner}", Now, Now.AddMinutes(1), 3, [], CancellationToken.None)).Count > 0)
            {
                mine.AddRange(batch.Select(j => j.JobId));
            }

            return mine;
        }));

        var all = claims.SelectMany(c => c).ToList();
        all.Should().OnlyHaveUniqueItems("no job is claimed by two owners at once");
        all.Should().BeEquivalentTo(jobIds.Skip(5), "every due, unclaimed job is claimed");
    }

    [Fact]
    public async Task A_claim_leaves_out_the_accounts_that_hold_their_share_and_takes_the_rest_due_longest_first()
    {
        var slow = $"slow-{Guid.NewGuid():N}";
        var healthy = $"healthy-{Guid.NewGuid():N}";
        var slowJobs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            slowJobs.Add(await InsertDueJobAsync(createdAt: Now.AddYears(-40).AddSeconds(i), account: slow));
        }

        var healthyJob = await InsertDueJobAsync(createdAt: Now.AddYears(-40).AddSeconds(10), account: healthy);
        var owner = $"fair-{Guid.NewGuid():N}";

        var first = Mine(await Jobs.ClaimDueAsync(owner, Now, Now.AddMinutes(1), 2, [], CancellationToken.None));
        first.Should().BeEquivalentTo([slowJobs[0], slowJobs[1]], "nothing left out: the jobs due longest first");

        var second = Mine(await Jobs.ClaimDueAsync(owner, Now, Now.AddMinutes(1), 1, [slow], CancellationToken.None));
        second.Should().BeEquivalentTo([healthyJob], "the slow account holds its share, so the other account's job is claimed though it is due later");

        Mine(await Jobs.ClaimDueAsync($"other-{owner}", Now, Now.AddMinutes(1), 2, [], CancellationToken.None)).Should().BeEquivalentTo(
            [slowJobs[2], slowJobs[3]], "another instance leaves out only what it was told to");

        List<string> Mine(IReadOnlyList<ClaimedJob> claimed) =>
            [.. claimed.Where(j => j.Account == slow || j.Account == healthy).Select(j => j.JobId)];
    }

    [Fact]
    public async Task A_poll_outcome_writes_an_event_only_for_a_change_clients_see_and_never_over_a_final_job()
    {
        var device = $"oob-{Guid.NewGuid():N}";
        var jobId = await InsertDueJobAsync(device);
        var events = Store.Get<IChangeEventStore>();
        var start = await events.LatestIdAsync(CancellationToken.None);
        var seen = new List<ChangeEvent>();

        async Task<int> PollAsync(DateTimeOffset at, JobStatusUpdate? update)
        {
            (await ClaimAsync("poller", at)).Select(j => j.JobId).Should().Contain(jobId);
            var written = await Jobs.SavePollOutcomesAsync("poller", [new PollOutcome(jobId, update, at, 1)], CancellationToken.None);
            seen.AddRange((await events.ReadAfterAsync(seen.LastOrDefault()?.Id ?? start, 100, CancellationToken.None)).Where(e => e.DeviceId == device));
            return written;
        }

        var running = new JobStatusUpdate("IN_PROGRESS", null, "v1", "2024-06-06T12:00:00.000Z", IsFinal: false);
        (await PollAsync(Now, running)).Should().Be(1);
        seen.Should().ContainSingle("the status changed").Which.Payload.Should().Contain("IN_PROGRESS");
        (await PollAsync(Now.AddHours(1), running)).Should().Be(1);
        (await PollAsync(Now.AddHours(1.5), running with { LastUpdatedAt = null })).Should().Be(1);
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.LastUpdatedAt.Should().Be(running.LastUpdatedAt, "an update without a time keeps the stored one");
        (await PollAsync(Now.AddHours(2), null)).Should().Be(1, "a failed poll reschedules the job");
        seen.Should().HaveCount(1, "neither an unchanged poll nor a failed one changes what clients see");
        (await PollAsync(Now.AddHours(3), running with { LastUpdatedAt = "2024-06-06T13:00:00.000Z" })).Should().Be(1);
        seen.Should().HaveCount(2, "nRF Cloud's new timestamp alone is a change clients see");

        (await ClaimAsync("poller", Now.AddHours(4))).Select(j => j.JobId).Should().Contain(jobId);
        (await Jobs.CancelAsync(jobId, "cancelled meanwhile", "2024-06-06T14:00:00.000Z", CancellationToken.None)).Should().NotBeNull();
        (await Jobs.SavePollOutcomesAsync("poller", [new PollOutcome(jobId, running, Now.AddHours(4), 1)], CancellationToken.None))
            .Should().Be(0, "the job became final while it was polled");
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.Status.Should().Be("CANCELLED");
        seen.AddRange((await events.ReadAfterAsync(seen[^1].Id, 100, CancellationToken.None)).Where(e => e.DeviceId == device));
        seen.Should().HaveCount(3, "the cancel's event, and none for the outcome it overtook");
    }

    [Fact]
    public async Task A_device_lists_newest_first_with_insertion_order_breaking_ties_and_times_kept_exactly()
    {
        var device = $"oob-{Guid.NewGuid():N}";
        var createdAt = new DateTimeOffset(2024, 6, 6, 15, 44, 3, 123, TimeSpan.Zero);
        var older = await InsertDueJobAsync(device, createdAt.AddMilliseconds(-1));
        var tieFirst = await InsertDueJobAsync(device, createdAt);
        var tieSecond = await InsertDueJobAsync(device, createdAt);
        await Jobs.InsertAsync(
            new StoredJob("other-device-job", "oob-other", "test", "b", "QUEUED", "detail ü", "v9", "2024-06-06T15:44:03.1234567+02:00", createdAt),
            CancellationToken.None);

        var listed = await Jobs.ListForDeviceAsync(device, 2, CancellationToken.None);

        listed.Select(j => j.JobId).Should().Equal([tieSecond, tieFirst], "newest first, the later insert first among equals, at most the limit");
        listed[0].CreatedAt.Should().Be(createdAt, "creation times keep their milliseconds");
        (await Jobs.ListForDeviceAsync(device, 10, CancellationToken.None)).Select(j => j.JobId).Should().Equal(tieSecond, tieFirst, older);
        var other = await Jobs.FindAsync("other-device-job", CancellationToken.None);
        other.Should().Be(
            new StoredJob("other-device-job", "oob-other", "test", "b", "QUEUED", "detail ü", "v9", "2024-06-06T15:44:03.1234567+02:00", createdAt),
            "nRF Cloud's lastUpdatedAt is kept verbatim");
        (await Jobs.FindAsync("no-such-job", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Device_ids_and_fingerprints_are_unique_fingerprints_ignoring_case()
    {
        var registry = Store.Registry;
        (await registry.AddDeviceAsync(new StoredDevice("oob-1", "abc.def123", "PCA20065", "nordic"), Now, CancellationToken.None)).Should().Be(AddDeviceOutcome.Added);

        (await registry.AddDeviceAsync(new StoredDevice("oob-1", "fff.fff123", "PCA20065", "nordic"), Now, CancellationToken.None)).Should().Be(AddDeviceOutcome.DuplicateDeviceId);
        (await registry.AddDeviceAsync(new StoredDevice("oob-2", "ABC.DEF123", "PCA20065", "nordic"), Now, CancellationToken.None)).Should().Be(AddDeviceOutcome.DuplicateFingerprint);
        (await registry.FindDeviceAsync("oob-1", CancellationToken.None)).Should().Be(new StoredDevice("oob-1", "abc.def123", "PCA20065", "nordic"));
        (await registry.FindDeviceAsync("OOB-1", CancellationToken.None)).Should().BeNull("device ids are exact");
    }

    [Fact]
    public async Task An_account_upsert_says_whether_it_created_the_account()
    {
        var registry = Store.Registry;

        (await registry.UpsertAccountAsync(new StoredAccount("nordic", "https://a.example", "k1"), Now, CancellationToken.None)).Should().BeTrue();
        (await registry.UpsertAccountAsync(new StoredAccount("nordic", "https://b.example", "k2"), Now, CancellationToken.None)).Should().BeFalse();

        (await registry.FindAccountAsync("nordic", CancellationToken.None)).Should().Be(new StoredAccount("nordic", "https://b.example", "k2"));
        (await registry.FindAccountAsync("other", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await Store.Migrator.MigrateAsync(CancellationToken.None);

        (await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version;")).Should().BeEquivalentTo(1L);
        (await Database.ScalarAsync("SELECT MAX(version) FROM schema_version;"))!.ToString().Should().Be(LatestVersion.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Instances_starting_at_once_migrate_once()
    {
        using var fresh = TestDatabase.Create(kind);
        var instances = new List<StoreHost>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                instances.Add(await StoreHost.StartAsync(fresh, migrate: false));
            }

            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Migrator.MigrateAsync(CancellationToken.None))));

            instances.Sum(i => i.Logs.Lines.Count(l => l.Contains("Applied database migration 1", StringComparison.Ordinal)))
                .Should().Be(1, "one instance creates the schema, the others find it current");
            (await fresh.ScalarAsync("SELECT COUNT(*) FROM schema_version;")).Should().BeEquivalentTo(1L);
            await instances[3].Registry.PingAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static int LatestVersion => SchemaMigrator.LatestVersion;
}

public sealed class SqliteStorageTests() : StorageTests(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_file_is_in_WAL_mode_so_instances_can_share_it()
    {
        (await Database.ScalarAsync("PRAGMA journal_mode;")).Should().Be("wal", "two instances can share the file");
    }
}

public sealed class PostgresStorageTests() : StorageTests(DatabaseKind.Postgres)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static StoredJob NewJob() =>
        new($"notify-{Guid.NewGuid():N}", "oob-1", "test", "b", "QUEUED", null, "unknown", "2024-06-06T12:00:00.000Z", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_change_committed_by_one_instance_wakes_the_change_listener_of_another()
    {
        await using var other = await StoreHost.StartAsync(Database);
        other.Get<IChangeEventWakeUp>().Should().BeOfType<PostgresChangeListener>();
        var signal = other.Get<PostgresChangeListener>();
        await signal.WaitAsync(Long, CancellationToken.None).WaitAsync(Deadline, TestContext.Current.CancellationToken); // listening

        var woken = signal.WaitAsync(Long, CancellationToken.None);
        await Store.Jobs.InsertAsync(NewJob(), CancellationToken.None);

        await woken.WaitAsync(Deadline, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_change_listener_reconnects_after_a_database_restart()
    {
        using var server = PostgresServer.Start();
        using var database = TestDatabase.Postgres(server);
        await using var writer = await StoreHost.StartAsync(database);
        await using var follower = await StoreHost.StartAsync(database, migrate: false);
        var signal = follower.Get<PostgresChangeListener>();
        await signal.WaitAsync(Long, CancellationToken.None).WaitAsync(Deadline, TestContext.Current.CancellationToken); // listening

        server.Restart();

        // Listening again wakes the follower once: changes stored while the connection was down are read at once.
        await signal.WaitAsync(Long, CancellationToken.None).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var woken = signal.WaitAsync(Long, CancellationToken.None);
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await writer.Jobs.InsertAsync(NewJob(), CancellationToken.None);
                    return "stored";
                }
                catch (Npgsql.NpgsqlException exception)
                {
                    return exception.Message; // a pooled connection from before the restart
                }
            },
            outcome => outcome == "stored",
            "the writer to store a job after the restart",
            TimeSpan.FromSeconds(60));
        await woken.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        follower.Logs.Lines.Should().Contain(l => l.Contains("Change notification connection failed; reconnecting", StringComparison.Ordinal));
    }
}
