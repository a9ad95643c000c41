using System.Net;
using System.Text.Json.Nodes;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests.DeviceStates;

/// <summary>
/// The background reads (SPEC §3.5), driven round by round on a fake clock: watched devices only, batched per account in
/// calls of at most 100 ids, a device missing from an answer keeps its state, and a hanging account never delays another's.
/// nRF Cloud is the real mock (tests/README.md): fixed answers, or its simulator, which answers every device asked for. The
/// hanging-account test keeps the fake: it holds the slow account's read until the test releases it, then checks that read
/// completes with the answer of that moment; the mock's <c>X-Mock-Delay</c> is a fixed time, which cannot wait for the test.
/// </summary>
public sealed class DeviceStateReaderTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero));
    private FotaApiFactory? _service;

    public void Dispose() => _service?.Dispose();

    private FotaApiFactory Api => _service ?? throw new InvalidOperationException("Start the service first.");

    /// <summary>Starts the service, calling <paramref name="mock"/>, or the fake when it is null.</summary>
    private FotaApiFactory Start(InProcessMockNrfCloud? mock) =>
        _service = new FotaApiFactory(time: _time, mock: mock, settings: new Dictionary<string, string?>
        {
            ["Fota:DeviceState:Enabled"] = "false", // rounds are driven by the test
            ["Fota:DeviceState:Interval"] = "00:00:10",
            ["Fota:Poller:Enabled"] = "false",
            ["NrfCloud:AttemptTimeout"] = "00:10:00",
            ["NrfCloud:TotalTimeout"] = "00:10:00",
        });

    private Task QueueAsync(HttpStatusCode status, string json, bool keep = false) =>
        Api.Mock.QueueAsync(Api.ApiKey, DeviceShadows.Route, status, json, keep);

    private DeviceStateReader Reader => Api.Services.GetRequiredService<DeviceStateReader>();

    private IDeviceStates States => Api.Services.GetRequiredService<IDeviceStates>();

    private IDeviceStateStore Store => Api.Services.GetRequiredService<IDeviceStateStore>();

    private async Task<int> RoundAsync()
    {
        var claimed = await Reader.StartRoundAsync(CancellationToken.None);
        await Reader.WhenIdleAsync();
        return claimed;
    }

    /// <summary>Registers <paramref name="count"/> devices in one account (the first through the admin API, which creates the account).</summary>
    private async Task<List<string>> AddDevicesAsync(int count, string account = FotaApiFactory.AccountName, string? apiKey = null)
    {
        var ids = new List<string> { (await Api.RegisterDeviceAsync(account: account, apiKey: apiKey)).DeviceId };
        var registry = Api.Services.GetRequiredService<IRegistryStore>();
        for (var i = 1; i < count; i++)
        {
            var id = $"oob-{Guid.NewGuid():N}";
            await registry.AddDeviceAsync(new StoredDevice(id, $"fp.{id}", "PCA20065", account), _time.GetUtcNow(), CancellationToken.None);
            ids.Add(id);
        }

        return ids;
    }

    private async Task WatchAsync(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            await States.WatchAsync(id, "flow-test", _time.GetUtcNow().AddHours(1), CancellationToken.None);
        }
    }

    private Task<IReadOnlyList<RecordedRequest>> DeviceListCallsAsync() => Api.Mock.CallsAsync(Api.ApiKey, "GET", "/v1/devices");

    private async Task<IReadOnlyList<ChangeEvent>> EventsOfAsync(string deviceId) =>
        [.. (await Api.Services.GetRequiredService<IChangeEventStore>().ReadAfterAsync(0, 10_000, CancellationToken.None)).Where(e => e.DeviceId == deviceId)];

    [Fact]
    public async Task Watched_devices_of_one_account_are_read_in_calls_of_at_most_100_and_unwatched_ones_not_at_all()
    {
        Start(new InProcessMockNrfCloud(new MockOptions { Mode = MockMode.Simulator })); // answers every device asked for, at 2.0.0
        var devices = await AddDevicesAsync(251);
        var unwatched = devices[^1];
        await WatchAsync(devices.Take(250));

        (await RoundAsync()).Should().Be(250);

        var calls = await DeviceListCallsAsync();
        calls.Should().HaveCount(3, "250 devices are 3 calls of at most 100");
        calls.Select(c => DeviceShadows.RequestedIds(c.Query).Count).Should().OnlyContain(n => n <= 100);
        calls.SelectMany(c => DeviceShadows.RequestedIds(c.Query)).Should().BeEquivalentTo(devices.Take(250));
        (await States.GetStoredAsync(devices[0], CancellationToken.None))!.AppVersion.Should().Be("2.0.0");
        (await States.GetStoredAsync(unwatched, CancellationToken.None)).Should().BeNull("a device nobody watches is never read");

        (await RoundAsync()).Should().Be(0, "the next read is due one interval later");
        _time.Advance(Interval);
        (await RoundAsync()).Should().Be(250);
        (await DeviceListCallsAsync()).Should().HaveCount(6);
    }

    [Fact]
    public async Task A_device_missing_from_an_answer_keeps_its_state_and_only_a_changed_state_is_an_event()
    {
        Start(new InProcessMockNrfCloud());
        var devices = await AddDevicesAsync(3);
        var (changing, unchanged, missing) = (devices[0], devices[1], devices[2]);
        await WatchAsync(devices);
        await QueueAsync(HttpStatusCode.OK, DeviceShadows.Answer([.. devices.Select(id => DeviceShadows.Item(id))])); // one-shot answers, in order
        await QueueAsync(HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item(changing, appVersion: "2.0.1"), DeviceShadows.Item(unchanged)));
        await RoundAsync();

        _time.Advance(Interval);
        await RoundAsync();

        (await DeviceListCallsAsync()).Should().HaveCount(2, "3 devices are one call per round")
            .And.OnlyContain(c => DeviceShadows.RequestedIds(c.Query).Order().SequenceEqual(devices.Order()));
        (await States.GetStoredAsync(changing, CancellationToken.None))!.AppVersion.Should().Be("2.0.1");
        (await States.GetStoredAsync(missing, CancellationToken.None))!.AppVersion.Should().Be("2.0.0", "missing from the answer is no news");
        (await EventsOfAsync(changing)).Should().HaveCount(2, "the first state and its change");
        (await EventsOfAsync(unchanged)).Should().ContainSingle("an unchanged read writes no event");
        (await EventsOfAsync(missing)).Should().ContainSingle();
        var message = JsonNode.Parse((await EventsOfAsync(changing))[^1].Payload)!;
        Contract.ShouldValidate(message, Contract.Shadow);
        message["reported"]![1]!["Resources"]!["3"]!.GetValue<string>().Should().Be("2.0.1");
    }

    [Fact]
    public async Task A_hanging_account_does_not_delay_another_accounts_reads()
    {
        Start(mock: null); // the fake: the slow account's read is held until the test releases it
        var slowKey = $"slow-{Guid.NewGuid():N}";
        var slow = (await AddDevicesAsync(1, "slow", slowKey))[0];
        var healthy = (await AddDevicesAsync(1))[0];
        await WatchAsync([slow, healthy]);
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.NrfCloud.DelayFor(slowKey, (_, cancellationToken) => hang.Task.WaitAsync(cancellationToken));
        var version = "2.0.0";
        Api.NrfCloud.Always(DeviceShadows.Route, (request, _) => Task.FromResult(FakeNrfCloud.Response(
            HttpStatusCode.OK,
            DeviceShadows.Answer([.. DeviceShadows.RequestedIds(request.RequestUri!.Query).Select(id => DeviceShadows.Item(id, appVersion: version))]))));

        (await Reader.StartRoundAsync(CancellationToken.None)).Should().Be(2);
        await Eventually.ReturnsAsync(
            () => States.GetStoredAsync(healthy, CancellationToken.None), s => s?.AppVersion == "2.0.0", "the healthy account's read while the slow one hangs");

        version = "2.0.1";
        _time.Advance(Interval);
        // The healthy read stores the state before it gives its claim back: claim until that is done (never both accounts).
        (await Eventually.ReturnsAsync(() => Reader.StartRoundAsync(CancellationToken.None), claimed => claimed != 0, "the healthy read's claim to be given back"))
            .Should().Be(1, "the hanging account's read is still running, so only the healthy one is claimed");
        await Eventually.ReturnsAsync(
            () => States.GetStoredAsync(healthy, CancellationToken.None), s => s?.AppVersion == "2.0.1", "the healthy account's next read");

        hang.Task.IsCompleted.Should().BeFalse();
        (await States.GetStoredAsync(slow, CancellationToken.None)).Should().BeNull();
        hang.SetResult();
        await Reader.WhenIdleAsync();
        (await States.GetStoredAsync(slow, CancellationToken.None))!.AppVersion.Should().Be("2.0.1");
    }

    [Fact]
    public async Task A_failed_read_is_logged_with_account_and_status_and_retried_with_the_pollers_backoff()
    {
        Start(new InProcessMockNrfCloud());
        var device = (await AddDevicesAsync(1))[0];
        await WatchAsync([device]);
        await QueueAsync(HttpStatusCode.Forbidden, """{"message":"nope"}""", keep: true);

        await RoundAsync();

        Api.Logs.Lines.Should().Contain(m => m.Contains($"account {FotaApiFactory.AccountName}") && m.Contains("403"));
        (await RoundAsync()).Should().Be(0, "the retry waits for the poller's backoff");
        _time.Advance(TimeSpan.FromMilliseconds(50)); // Fota:Poller:FirstRetryDelay of the test settings
        (await RoundAsync()).Should().Be(1);
        (await DeviceListCallsAsync()).Should().HaveCount(2, "one read, then its retry");
    }

    [Fact]
    public async Task Reading_now_stores_the_state_and_tells_an_unknown_device_and_a_failure_apart()
    {
        Start(new InProcessMockNrfCloud());
        var device = await Api.RegisterDeviceAsync();
        var stored = new StoredDevice(device.DeviceId, device.Fingerprint, "PCA20065", FotaApiFactory.AccountName);
        await QueueAsync(HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item(device.DeviceId, appVersion: "v2.1", fotaTypes: ["MDM_FULL"])));
        await QueueAsync(HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item("someone-else")));
        await QueueAsync(HttpStatusCode.Unauthorized, """{"message":"secret"}""");

        var found = await States.ReadNowAsync(stored, CancellationToken.None);
        var unknown = await States.ReadNowAsync(stored, CancellationToken.None);
        var failed = await States.ReadNowAsync(stored, CancellationToken.None);

        var state = found.Should().BeOfType<DeviceStateRead.Found>().Subject.State;
        state.AppVersion.Should().Be("2.1.0");
        state.ModemVersion.Should().Be("2.0.1");
        state.SupportedTargets.Should().BeEquivalentTo([FotaTarget.Modem]);
        (await States.GetStoredAsync(device.DeviceId, CancellationToken.None)).Should().BeEquivalentTo(state);
        unknown.Should().BeOfType<DeviceStateRead.UnknownDevice>();
        failed.Should().BeOfType<DeviceStateRead.Unavailable>().Which.Detail.Should().Contain("nRF Cloud").And.Contain("401").And.NotContain("secret");
        (await DeviceListCallsAsync()).Should().HaveCount(3).And.OnlyContain(c => DeviceShadows.RequestedIds(c.Query).SequenceEqual(new[] { device.DeviceId }));
    }
}
