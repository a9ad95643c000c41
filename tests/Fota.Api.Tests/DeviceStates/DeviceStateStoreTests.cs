using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests.DeviceStates;

/// <summary>
/// The device-state tables straight on the database (SPEC §3.5): a change is a stored state and one change event, an
/// unchanged read writes nothing, and background reads are claimed for watched devices only, never by two owners at once.
/// One suite run on every database kind.
/// </summary>
public abstract class DeviceStateStoreTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase? _database;
    private StoreHost? _store;

    private IDeviceStateStore States => (_store ?? throw new InvalidOperationException("not started")).Get<IDeviceStateStore>();

    private IChangeEventStore Events => _store!.Get<IChangeEventStore>();

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Create(kind);
        _store = await StoreHost.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> AddDeviceAsync(string account = "acc-a")
    {
        var id = $"oob-{Guid.NewGuid():N}";
        (await _store!.Registry.AddDeviceAsync(new StoredDevice(id, $"fp.{id}", "PCA20065", account), Now, CancellationToken.None))
            .Should().Be(AddDeviceOutcome.Added);
        return id;
    }

    private static DeviceStateWrite Write(string deviceId, string reported, string message = "{\"m\":1}") =>
        new(deviceId, "acc-a", reported, message, Now);

    private async Task<IReadOnlyList<ChangeEvent>> EventsOfAsync(string deviceId) =>
        [.. (await Events.ReadAfterAsync(0, 1000, CancellationToken.None)).Where(e => e.DeviceId == deviceId)];

    [Fact]
    public async Task A_first_state_and_each_change_are_stored_with_one_change_event_and_an_unchanged_read_writes_nothing()
    {
        var device = await AddDeviceAsync();

        (await States.SaveAsync([Write(device, """{"device":{"deviceInfo":{"appVersion":"2.0.0"}}}""", "first")], CancellationToken.None))
            .Should().Equal(device);
        (await States.SaveAsync([Write(device, """{ "device" : { "deviceInfo": {"appVersion":"2.0.0"} } }""", "same")], CancellationToken.None))
            .Should().BeEmpty("the same reported content, written differently, is no change");
        (await States.SaveAsync([Write(device, """{"device":{"deviceInfo":{"appVersion":"2.0.1"}}}""", "second")], CancellationToken.None))
            .Should().Equal(device);

        var events = await EventsOfAsync(device);
        events.Select(e => e.Payload).Should().Equal("first", "second");
        var stored = (await States.FindAsync(device, CancellationToken.None))!;
        stored.Message.Should().Be("second");
        stored.EventId.Should().Be(events[^1].Id, "the stored state names the event that carried it");
        stored.ReportedJson.Should().Contain("2.0.1");
    }

    [Fact]
    public async Task Unchanged_devices_in_a_batch_write_nothing_while_changed_ones_write_one_event_each()
    {
        var same = await AddDeviceAsync();
        var changing = await AddDeviceAsync();
        await States.SaveAsync([Write(same, """{"a":1}"""), Write(changing, """{"a":1}""")], CancellationToken.None);

        var changed = await States.SaveAsync([Write(same, """{"a":1}"""), Write(changing, """{"a":2}""", "changed")], CancellationToken.None);

        changed.Should().Equal(changing);
        (await EventsOfAsync(same)).Should().ContainSingle();
        (await EventsOfAsync(changing)).Select(e => e.Payload).Should().EndWith("changed").And.HaveCount(2);
    }

    [Fact]
    public async Task Only_watched_devices_are_claimed_and_a_claimed_read_is_not_claimed_again()
    {
        var watched = await AddDeviceAsync();
        var expired = await AddDeviceAsync();
        await AddDeviceAsync(); // never watched
        await States.WatchAsync([watched], "flow-1", Now, Now.AddMinutes(5), CancellationToken.None);
        await States.WatchAsync([expired], "flow-2", Now, Now.AddSeconds(1), CancellationToken.None);

        var first = await States.ClaimDueAsync("owner-a", Now.AddSeconds(2), Now.AddMinutes(1), 100, [], CancellationToken.None);
        var second = await States.ClaimDueAsync("owner-b", Now.AddSeconds(2), Now.AddMinutes(1), 100, [], CancellationToken.None);

        first.Select(c => c.DeviceId).Should().Equal([watched], "only a device with a live watch is read");
        first[0].Account.Should().Be("acc-a");
        second.Should().BeEmpty("owner-a holds the claim");

        await States.FinishReadsAsync("owner-a", [new StateReadOutcome(watched, Now.AddSeconds(12), 0)], CancellationToken.None);
        (await States.ClaimDueAsync("owner-b", Now.AddSeconds(3), Now.AddMinutes(1), 100, [], CancellationToken.None))
            .Should().BeEmpty("the next read is due in 10 s");
        (await States.ClaimDueAsync("owner-b", Now.AddSeconds(12), Now.AddMinutes(1), 100, [], CancellationToken.None))
            .Select(c => c.DeviceId).Should().Equal(watched);

        await States.UnwatchAsync(watched, "flow-1", CancellationToken.None);
        await States.ReleaseClaimsAsync("owner-b", CancellationToken.None);
        (await States.ClaimDueAsync("owner-c", Now.AddSeconds(20), Now.AddMinutes(1), 100, [], CancellationToken.None))
            .Should().BeEmpty("unwatched, the device is read no more");
    }

    [Fact]
    public async Task Skipped_accounts_are_left_out_of_a_claim()
    {
        var a = await AddDeviceAsync("acc-a");
        var b = await AddDeviceAsync("acc-b");
        await States.WatchAsync([a, b], "ws", Now, Now.AddMinutes(5), CancellationToken.None);

        var claimed = await States.ClaimDueAsync("owner", Now, Now.AddMinutes(1), 100, ["acc-a"], CancellationToken.None);

        claimed.Select(c => c.DeviceId).Should().Equal(b);
    }

    [Fact]
    public async Task Concurrent_claims_never_take_one_device_twice()
    {
        var devices = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            devices.Add(await AddDeviceAsync(i % 2 == 0 ? "acc-a" : "acc-b"));
        }

        await States.WatchAsync(devices, "ws", Now, Now.AddMinutes(5), CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => States.ClaimDueAsync($"owner-{i}", Now, Now.AddMinutes(1), 7, [], CancellationToken.None))));

        var all = claims.SelectMany(c => c.Select(r => r.DeviceId)).ToList();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(40);
    }
}

public sealed class SqliteDeviceStateStoreTests() : DeviceStateStoreTests(DatabaseKind.Sqlite);

public sealed class PostgresDeviceStateStoreTests() : DeviceStateStoreTests(DatabaseKind.Postgres);
