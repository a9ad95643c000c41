using System.Net;
using System.Net.WebSockets;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// The WebSocket endpoint end to end: identity first, one message per stored change in order, across instances. On every
/// database kind. nRF Cloud is the real mock where a test answers it (tests/README.md), but for the two-instance test: it
/// asserts which instance called nRF Cloud, and each instance's fake nRF Cloud records its own calls where one mock would
/// see both instances' calls under the one account's key.
/// </summary>
public abstract class NotificationTests(DatabaseKind kind) : IDisposable
{
    private const string Completed = "All executions in terminal status";
    private TestDatabase? _database;

    private TestDatabase Database => _database ??= TestDatabase.Create(kind);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Identity_comes_first_then_one_message_per_change_in_order_and_none_for_an_unchanged_poll()
    {
        using var api = new FotaApiFactory(database: Database, mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await using var socket = await NotificationClient.ConnectAsync(api, device);
        foreach (var (status, detail, at) in new[] { ("IN_PROGRESS", "Job auto applied", "2024-06-06T15:44:03.123Z"), ("IN_PROGRESS", "Job auto applied", "2024-06-06T15:44:03.123Z"), ("COMPLETED", Completed, "2024-06-06T15:45:00.000Z") })
        {
            await api.Mock.QueueAsync(api.ApiKey, "GET /v1/fota-jobs/job-1", HttpStatusCode.OK, NrfCloudJson.Job("job-1", status, detail, at, "v2.0.0"));
        }

        await api.AcceptCreateAsync("job-1");
        using var client = api.CreateClient();

        var identity = await socket.ReceiveAsync();
        var scheduled = await client.ScheduleAsync(device);
        var queued = await socket.ReceiveJobAsync();
        var inProgress = await socket.ReceiveJobAsync();
        var completed = await socket.ReceiveJobAsync();

        identity.ToJsonString().Should().Be($"{{\"@context\":\"https://github.com/hello-nrfcloud/proto/deviceIdentity\",\"id\":\"{device.DeviceId}\",\"model\":\"PCA20065\"}}");
        Contract.ShouldValidate(identity, Contract.DeviceIdentity);
        queued.ToJsonString().Should().Be(await scheduled.Content.ReadAsStringAsync(), "the schedule's message is the job execution the 202 answered");
        inProgress["status"]!.GetValue<string>().Should().Be("IN_PROGRESS");
        inProgress["version"]!.GetValue<string>().Should().Be("v2.0.0");
        completed["status"]!.GetValue<string>().Should().Be("COMPLETED", "the unchanged second poll sent nothing");
        completed["lastUpdatedAt"]!.GetValue<string>().Should().Be("2024-06-06T15:45:00.000Z");
        foreach (var message in new[] { queued, inProgress, completed })
        {
            Contract.ShouldValidate(message, Contract.JobExecution);
        }

        (await api.Mock.CallsAsync(api.ApiKey, "GET", "/v1/fota-jobs/job-1")).Should().HaveCount(3, "the unchanged poll did happen");
        (await client.ListJobsAsync(device))[0]!.ToJsonString().Should().Be(completed.ToJsonString(), "the message is the stored job as the list shows it");
    }

    [Fact]
    public async Task A_client_of_an_instance_that_does_not_poll_gets_the_changes_another_instance_stored()
    {
        using var polling = new FotaApiFactory(database: Database); // the fake nRF Cloud of each instance: which instance called
        using var serving = new FotaApiFactory(database: Database, settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        var device = await polling.RegisterDeviceAsync();
        await using var socket = await NotificationClient.ConnectAsync(serving, device);
        polling.NrfCloud.Always("GET /v1/fota-jobs/job-a", HttpStatusCode.OK, NrfCloudJson.Job("job-a", "COMPLETED", Completed, "2024-06-06T15:45:00.000Z", "v2.0.0"));
        polling.NrfCloud.AcceptCreate("job-a");
        using var client = polling.CreateClient();

        (await socket.ReceiveAsync())["id"]!.GetValue<string>().Should().Be(device.DeviceId);
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await socket.ReceiveJobAsync())["status"]!.GetValue<string>().Should().Be("QUEUED");
        (await socket.ReceiveJobAsync())["status"]!.GetValue<string>().Should().Be("COMPLETED");
        serving.NrfCloud.Calls.Where(call => call.Uri.AbsolutePath != "/v1/devices").Should()
            .BeEmpty("only the polling instance polls jobs (device state, read for the open WebSocket, may be read by any instance)");
    }

    [Fact]
    public async Task A_change_stored_by_an_instance_that_crashed_before_sending_reaches_other_instances_and_is_not_owed_after_a_restart()
    {
        using (var migrate = new FotaApiFactory(database: Database))
        {
            _ = migrate.Services;
        }

        using var other = new FotaApiFactory(database: Database, settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        var device = await other.RegisterDeviceAsync();
        await using var connectedToOther = await NotificationClient.ConnectAsync(other, device);
        _ = await connectedToOther.ReceiveAsync();

        // What an instance that died right after its commit leaves behind: the stored job and its event, sent by nobody.
        await using (var crashed = await StoreHost.StartAsync(Database, migrate: false))
        {
            await crashed.Jobs.InsertAsync(NewJob("job-before-crash", device.DeviceId), CancellationToken.None);
        }

        (await connectedToOther.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-before-crash", "the event was stored, so it is delivered");

        using var restarted = new FotaApiFactory(database: Database, settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        await using var reconnected = await NotificationClient.ConnectAsync(restarted, device);
        _ = await reconnected.ReceiveAsync();
        await using (var writer = await StoreHost.StartAsync(Database, migrate: false))
        {
            await writer.Jobs.InsertAsync(NewJob("job-after-restart", device.DeviceId), CancellationToken.None);
        }

        (await reconnected.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-after-restart", "a client connecting after the restart is not owed older changes");
        (await connectedToOther.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-after-restart");
    }

    [Fact]
    public async Task Two_connections_of_one_device_get_every_change_and_another_device_gets_none()
    {
        using var api = new FotaApiFactory(database: Database, settings: ApiFixture.NoPoller, mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        var otherDevice = await api.RegisterDeviceAsync();
        await using var first = await NotificationClient.ConnectAsync(api, device);
        await using var second = await NotificationClient.ConnectAsync(api, device);
        await using var other = await NotificationClient.ConnectAsync(api, otherDevice);
        using var client = api.CreateClient();
        foreach (var socket in new[] { first, second, other })
        {
            _ = await socket.ReceiveAsync();
        }

        await api.AcceptCreateAsync("job-mine");
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await api.AcceptCreateAsync("job-other");
        (await client.ScheduleAsync(otherDevice)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await first.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-mine");
        (await second.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-mine");
        (await other.ReceiveJobAsync())["id"]!.GetValue<string>().Should().Be("job-other", "events are delivered in order, so job-mine would have come first");
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_pruned()
    {
        // Rows with fixed timestamps rather than waiting for a real event to age: a real event may be pruned before a
        // loaded machine counts it, and one from the future shows that younger events are kept.
        using var api = new FotaApiFactory(database: Database, mock: new InProcessMockNrfCloud(), settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
            ["Fota:Notifications:Retention"] = "00:00:01",
        });
        var device = await api.RegisterDeviceAsync();
        await api.AcceptCreateAsync("job-pruned");
        using var client = api.CreateClient();
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var old = await InsertEventAsync(createdAtMs: 0);
        var young = await InsertEventAsync(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());

        await Eventually.ReturnsAsync(() => EventExistsAsync(old), exists => !exists, "the event older than the retention to be pruned");
        (await EventExistsAsync(young)).Should().BeTrue("events younger than the retention are kept");
        (await client.ListJobsAsync(device)).Should().ContainSingle("pruning removes events, never jobs");
    }

    [Fact]
    public async Task Stopping_the_service_closes_every_websocket_cleanly()
    {
        var api = new FotaApiFactory(database: Database);
        var device = await api.RegisterDeviceAsync();
        await using var socket = await NotificationClient.ConnectAsync(api, device);
        _ = await socket.ReceiveAsync();

        var stopping = api.DisposeAsync().AsTask();
        var (type, reason, status) = await socket.ReceiveFrameAsync();
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
        await stopping;

        type.Should().Be(WebSocketMessageType.Close);
        status.Should().Be(WebSocketCloseStatus.EndpointUnavailable, reason);
        reason.Should().Be("The service is stopping.");
    }

    private async Task<long> InsertEventAsync(long createdAtMs) => Convert.ToInt64(
        await Database.ScalarAsync($"INSERT INTO change_events (device_id, payload, created_at_ms) VALUES ('no-such-device', '{{}}', {createdAtMs}) RETURNING id;"),
        System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> EventExistsAsync(long id) =>
        Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM change_events WHERE id = {id};"), System.Globalization.CultureInfo.InvariantCulture) == 1;

    private static StoredJob NewJob(string jobId, string deviceId) =>
        new(jobId, deviceId, FotaApiFactory.AccountName, "APP*1e29dfa3*v2.0.0", "QUEUED", null, "unknown", "2024-06-06T15:44:00.000Z", DateTimeOffset.UtcNow);
}

public sealed class SqliteNotificationTests() : NotificationTests(DatabaseKind.Sqlite);

public sealed class PostgresNotificationTests() : NotificationTests(DatabaseKind.Postgres);
