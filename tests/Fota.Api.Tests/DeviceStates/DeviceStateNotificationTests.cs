using System.Net;
using System.Text.Json.Nodes;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;

namespace Fota.Api.Tests.DeviceStates;

/// <summary>
/// SPEC §2.11 end to end: a client gets the device's state once after connecting (stored, or the first read's), then one
/// message per change and none for an unchanged read; the device is read only while watched. On every database kind.
/// nRF Cloud is the real mock (tests/README.md): its kept answer is the device's state until the next one replaces it.
/// </summary>
public abstract class DeviceStateNotificationTests(DatabaseKind kind) : IDisposable
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ??= TestDatabase.Create(kind);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static FotaApiFactory CreateApi(TestDatabase database) => new(database: database, mock: new InProcessMockNrfCloud(), settings: FotaApiFactory.PatientNrfCloud);

    private static Task AnswerAsync(FotaApiFactory api, string deviceId, string appVersion) =>
        api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item(deviceId, appVersion: appVersion)), keep: true);

    private static async Task<int> ReadsAsync(FotaApiFactory api) => (await api.Mock.CallsAsync(api.ApiKey, "GET", "/v1/devices")).Count;

    private static Task MoreReadsAsync(FotaApiFactory api, int after, string because) =>
        Eventually.ReturnsAsync(() => ReadsAsync(api), reads => reads >= after + 2, because);

    private static async Task<JsonObject> ReceiveStateAsync(NotificationClient socket)
    {
        var message = await socket.ReceiveAsync();
        message["@context"]!.GetValue<string>().Should().Be(ShadowMessage.ContextUrl, message.ToJsonString());
        Contract.ShouldValidate(message, Contract.Shadow);
        return message;
    }

    private static string AppVersionOf(JsonObject message) =>
        message["reported"]!.AsArray().Single(o => o!["ObjectID"]!.GetValue<int>() == 14204)!["Resources"]!["3"]!.GetValue<string>();

    [Fact]
    public async Task A_known_state_is_sent_once_on_connect_then_only_changes()
    {
        using var api = CreateApi(Database);
        var device = await api.RegisterDeviceAsync();
        await AnswerAsync(api, device.DeviceId, "2.0.0");
        (await api.Services.GetRequiredService<IDeviceStates>().ReadNowAsync(
            new StoredDevice(device.DeviceId, device.Fingerprint, device.Model, FotaApiFactory.AccountName), CancellationToken.None))
            .Should().BeOfType<DeviceStateRead.Found>();
        var stored = (await api.Services.GetRequiredService<IDeviceStateStore>().FindAsync(device.DeviceId, CancellationToken.None))!;

        await using var socket = await NotificationClient.ConnectAsync(api, device);
        await socket.ReceiveAsync(); // identity
        var onConnect = await ReceiveStateAsync(socket);
        await MoreReadsAsync(api, await ReadsAsync(api), "two background reads of the unchanged state while connected");
        await AnswerAsync(api, device.DeviceId, "2.0.1");
        var change = await ReceiveStateAsync(socket);

        onConnect.ToJsonString().Should().Be(stored.Message, "the state on connect is the stored state message");
        AppVersionOf(change).Should().Be("2.0.1", "the unchanged reads sent nothing, and the state on connect came once");
    }

    [Fact]
    public async Task A_state_unknown_at_connect_comes_once_with_the_first_read()
    {
        using var api = CreateApi(Database);
        var device = await api.RegisterDeviceAsync();
        await AnswerAsync(api, device.DeviceId, "2.0.0");

        await using var socket = await NotificationClient.ConnectAsync(api, device);
        await socket.ReceiveAsync(); // identity
        var first = await ReceiveStateAsync(socket);
        await MoreReadsAsync(api, await ReadsAsync(api), "more reads of the unchanged state");
        await AnswerAsync(api, device.DeviceId, "2.0.2");
        var change = await ReceiveStateAsync(socket);

        AppVersionOf(first).Should().Be("2.0.0");
        AppVersionOf(change).Should().Be("2.0.2", "the first state came exactly once");
    }

    [Fact]
    public async Task A_device_is_watched_while_connected_only()
    {
        using var api = CreateApi(Database);
        var device = await api.RegisterDeviceAsync();
        await AnswerAsync(api, device.DeviceId, "2.0.0");
        var socket = await NotificationClient.ConnectAsync(api, device);
        await socket.ReceiveAsync();
        await ReceiveStateAsync(socket);

        (await WatchesAsync()).Should().Be(1);
        await socket.DisposeAsync();

        await Eventually.ReturnsAsync(WatchesAsync, n => n == 0, "the watch to end with the last connection");

        async Task<long> WatchesAsync() => Convert.ToInt64(
            await Database.ScalarAsync($"SELECT COUNT(*) FROM device_state_watches WHERE device_id = '{device.DeviceId}'"), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteDeviceStateNotificationTests() : DeviceStateNotificationTests(DatabaseKind.Sqlite);

public sealed class PostgresDeviceStateNotificationTests() : DeviceStateNotificationTests(DatabaseKind.Postgres);
