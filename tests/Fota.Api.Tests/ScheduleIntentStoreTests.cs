using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// The schedule guard (one open intent or running job per device and bundle, SPEC §3.1) and reconciliation's claims,
/// straight on the database; one suite run on every database kind.
/// </summary>
public abstract class ScheduleIntentStoreTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string Bundle = "APP*1e29dfa3*v2.0.0";
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly string _device = $"dev-{Guid.NewGuid():N}";
    private TestDatabase? _database;
    private StoreHost? _store;

    private TestDatabase Database => _database ??= TestDatabase.Create(kind);

    private IJobStore Jobs => (_store ?? throw new InvalidOperationException("not started")).Jobs;

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

    private static ScheduleIntent Intent(string id, string device, string bundle = Bundle, string account = "acc-a", DateTimeOffset? at = null) =>
        new(id, device, account, bundle, ScheduleIntentStates.Pending, null, at ?? Now);

    private Task<ScheduleBegin> BeginAsync(ScheduleIntent intent, DateTimeOffset? reconcileAt = null) =>
        Jobs.TryBeginScheduleAsync(intent, reconcileAt ?? Now.AddMinutes(1), CancellationToken.None);

    private StoredJob Job(string jobId, string bundle = Bundle) =>
        new(jobId, _device, "acc-a", bundle, "QUEUED", null, "unknown", "2024-06-06T12:00:00.000Z", Now);

    private async Task<long> ChangeEventsAsync() => Convert.ToInt64(await Database.ScalarAsync("SELECT COUNT(*) FROM change_events;"), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_open_intent_or_a_running_job_blocks_the_same_device_and_bundle_and_names_itself()
    {
        (await BeginAsync(Intent("i1", _device))).Should().Be(ScheduleBegin.Started);
        (await BeginAsync(Intent("i2", _device))).Should().Be(new ScheduleBegin.BlockedByIntent("i1"), "a PENDING intent is open");
        (await BeginAsync(Intent("i3", _device, "MODEM*1e29dfa3*v2.0.0"))).Should().Be(ScheduleBegin.Started, "another bundle is free");

        await Jobs.MarkOutcomeUnknownAsync("i1", "nRF Cloud closed the connection", Now, Now.AddSeconds(30), CancellationToken.None);
        (await BeginAsync(Intent("i4", _device))).Should().Be(new ScheduleBegin.BlockedByIntent("i1"), "an UNKNOWN intent is open until reconciled");

        await Jobs.AbandonScheduleAsync("i1", CancellationToken.None);
        await Jobs.InsertAsync(Job("job-1"), CancellationToken.None);
        (await BeginAsync(Intent("i5", _device))).Should().Be(new ScheduleBegin.BlockedByJob("job-1"), "a job that has not ended is running");
        (await Jobs.ListIntentsAsync(_device, CancellationToken.None)).Select(i => i.IntentId).Should().Equal(["i3"], "a refused begin writes nothing");

        await Jobs.CancelAsync("job-1", "cancelled", "2024-06-06T12:01:00.000Z", CancellationToken.None);
        (await BeginAsync(Intent("i6", _device))).Should().Be(ScheduleBegin.Started, "a final job blocks nothing");
    }

    [Fact]
    public async Task Fifty_begins_at_once_for_one_device_and_bundle_begin_once()
    {
        var begins = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => BeginAsync(Intent($"race-{i}", _device)))));

        begins.Count(b => b is ScheduleBegin.StartedBegin).Should().Be(1);
        (await Jobs.ListIntentsAsync(_device, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_begin_racing_the_confirm_of_the_same_pair_sees_the_intent_or_the_job()
    {
        for (var round = 0; round < 5; round++)
        {
            var device = $"{_device}-{round}";
            (await BeginAsync(Intent($"first-{round}", device))).Should().Be(ScheduleBegin.Started);
            var job = Job($"job-{round}") with { DeviceId = device };
            var racing = Enumerable.Range(0, 20).Select(i => Task.Run(() => BeginAsync(Intent($"late-{round}-{i}", device)))).ToList();
            var confirm = Task.Run(() => Jobs.ConfirmScheduledAsync($"first-{round}", job, CancellationToken.None));

            (await confirm).Should().Be(ConfirmOutcome.Stored);
            (await Task.WhenAll(racing)).Should().NotContain(ScheduleBegin.Started, "until the job ends, the pair is taken by the intent, then by the job");
        }
    }

    [Fact]
    public async Task A_confirm_with_a_stored_job_id_writes_nothing()
    {
        await Jobs.InsertAsync(Job("dup"), CancellationToken.None);
        (await BeginAsync(Intent("i1", _device, "MODEM*1e29dfa3*v2.0.0"))).Should().Be(ScheduleBegin.Started);
        var events = await ChangeEventsAsync();

        (await Jobs.ConfirmScheduledAsync("i1", Job("dup", "MODEM*1e29dfa3*v2.0.0"), CancellationToken.None)).Should().Be(ConfirmOutcome.DuplicateJobId);

        (await Jobs.FindAsync("dup", CancellationToken.None))!.BundleId.Should().Be(Bundle, "the stored job is untouched");
        (await Jobs.ListIntentsAsync(_device, CancellationToken.None)).Should().ContainSingle("the caller decides what becomes of the intent");
        (await ChangeEventsAsync()).Should().Be(events, "no change event without a change");
    }

    [Fact]
    public async Task Due_intents_are_claimed_per_account_by_one_owner_at_a_time()
    {
        for (var i = 0; i < 30; i++)
        {
            await BeginAsync(Intent($"a-{i}", $"{_device}-{i}"), reconcileAt: Now);
        }

        await BeginAsync(Intent("b-1", _device, account: "acc-b"), reconcileAt: Now);
        await BeginAsync(Intent("later", $"{_device}-later"), reconcileAt: Now.AddMinutes(5));
        (await Jobs.ListAccountsToReconcileAsync(Now, CancellationToken.None)).Should().Equal(["acc-a", "acc-b"]);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(owner => Task.Run(async () =>
        {
            var mine = new List<string>();
            IReadOnlyList<ScheduleIntent> batch;
            while ((batch = await Jobs.ClaimIntentsAsync("acc-a", $"owner-{owner}", Now, Now.AddMinutes(1), 4, CancellationToken.None)).Count > 0)
            {
                mine.AddRange(batch.Select(i => i.IntentId));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        all.Should().OnlyHaveUniqueItems("no intent is claimed by two owners at once");
        all.Should().BeEquivalentTo(Enumerable.Range(0, 30).Select(i => $"a-{i}"), "every due intent of the account, none of another account, none not yet due");
        (await Jobs.ListAccountsToReconcileAsync(Now, CancellationToken.None)).Should().Equal(["acc-b"], "claimed intents are not due");
        (await Jobs.ClaimIntentsAsync("acc-a", "late", Now.AddMinutes(1), Now.AddMinutes(2), 100, CancellationToken.None))
            .Should().HaveCount(30, "a lease that ran out can be taken over");
    }

    [Fact]
    public async Task Adopting_needs_the_claim_and_stores_the_job_with_its_change_event()
    {
        await BeginAsync(Intent("i1", _device), reconcileAt: Now);
        await Jobs.ClaimIntentsAsync("acc-a", "owner", Now, Now.AddMinutes(1), 10, CancellationToken.None);
        var events = await ChangeEventsAsync();

        (await Jobs.AdoptAsync("i1", "someone-else", Job("adopted"), CancellationToken.None)).Should().BeFalse("the claim is another's");
        (await Jobs.FindAsync("adopted", CancellationToken.None)).Should().BeNull();
        (await Jobs.AdoptAsync("i1", "owner", Job("adopted"), CancellationToken.None)).Should().BeTrue();

        (await Jobs.FindAsync("adopted", CancellationToken.None)).Should().NotBeNull();
        (await Jobs.ListIntentsAsync(_device, CancellationToken.None)).Should().BeEmpty();
        (await ChangeEventsAsync()).Should().Be(events + 1, "an adopted job is notified like any new job");
        (await BeginAsync(Intent("i2", _device))).Should().Be(new ScheduleBegin.BlockedByJob("adopted"), "the adopted job runs");
    }

    [Fact]
    public async Task A_retry_releases_the_claim_until_the_next_attempt_and_a_given_up_intent_blocks_nothing()
    {
        await BeginAsync(Intent("i1", _device), reconcileAt: Now);
        await Jobs.ClaimIntentsAsync("acc-a", "owner", Now, Now.AddMinutes(1), 10, CancellationToken.None);
        (await Jobs.ResolveNothingCreatedAsync("i1", "someone-else", CancellationToken.None)).Should().BeFalse();

        await Jobs.RetryIntentAsync("i1", "owner", ScheduleIntentStates.Unknown, "nRF Cloud answered 503", Now, Now.AddMinutes(2), CancellationToken.None);

        (await Jobs.ListIntentsAsync(_device, CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Match<ScheduleIntent>(i => i.State == ScheduleIntentStates.Unknown && i.Detail == "nRF Cloud answered 503");
        (await Jobs.ClaimIntentsAsync("acc-a", "other", Now.AddMinutes(1), Now.AddMinutes(3), 10, CancellationToken.None)).Should().BeEmpty("not due yet");
        (await Jobs.ClaimIntentsAsync("acc-a", "other", Now.AddMinutes(2), Now.AddMinutes(3), 10, CancellationToken.None)).Should().ContainSingle();

        await Jobs.RetryIntentAsync("i1", "other", ScheduleIntentStates.GaveUp, "gave up", Now, Now, CancellationToken.None);
        (await Jobs.ClaimIntentsAsync("acc-a", "other", Now.AddYears(1), Now.AddYears(2), 10, CancellationToken.None)).Should().BeEmpty("a given-up intent is not reconciled");
        (await BeginAsync(Intent("i2", _device))).Should().Be(ScheduleBegin.Started, "a given-up intent blocks nothing");
    }
}

public sealed class SqliteScheduleIntentStoreTests() : ScheduleIntentStoreTests(DatabaseKind.Sqlite);

public sealed class PostgresScheduleIntentStoreTests() : ScheduleIntentStoreTests(DatabaseKind.Postgres);
