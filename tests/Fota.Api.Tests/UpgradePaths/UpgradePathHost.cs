using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fota.Api.Devices;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// One service instance for the /v2 tests: a <see cref="FotaApiFactory"/> (its database, fake nRF Cloud, test settings) with
/// <see cref="FakeDeviceStates"/> as device state. Several hosts on one database and one fake nRF Cloud are several instances
/// (or a restart: dispose one, start the next).
/// </summary>
public sealed class UpgradePathHost : IAsyncDisposable
{
    private readonly FotaApiFactory _factory;
    private readonly WebApplicationFactory<Program> _host;

    public UpgradePathHost(
        FakeDeviceStates deviceStates,
        TestDatabase? database = null,
        FakeNrfCloud? nrfCloud = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        _factory = new FotaApiFactory(database: database, nrfCloud: nrfCloud, settings: settings, time: time, services: services);
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IDeviceStates>(deviceStates)));
        DeviceStates = deviceStates;
        Client = _host.CreateClient();
    }

    public FakeDeviceStates DeviceStates { get; }

    public HttpClient Client { get; }

    public TestDatabase Database => _factory.Database;

    public FakeNrfCloud NrfCloud => _factory.NrfCloud;

    public IServiceProvider Services => _host.Services;

    public IUpgradePathStore Store => Services.GetRequiredService<IUpgradePathStore>();

    /// <summary>Registers the test account (pointing at the fake nRF Cloud) and a new device that reports <see cref="FakeDeviceStates.State"/>'s defaults.</summary>
    public async Task<DeviceResponse> RegisterDeviceAsync(bool reports = true)
    {
        using var admin = _host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FotaApiFactory.AdminToken);
        var account = await admin.PutAsJsonAsync(
            $"/admin/accounts/{FotaApiFactory.AccountName}",
            new { apiEndpoint = FotaApiFactory.ApiEndpoint, apiKey = _factory.ApiKey },
            TestContext.Current.CancellationToken);
        account.IsSuccessStatusCode.Should().BeTrue();
        var created = await admin.PostAsJsonAsync(
            "/admin/devices", new { model = "PCA20065", account = FotaApiFactory.AccountName }, TestContext.Current.CancellationToken);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var device = (await created.Content.ReadFromJsonAsync<DeviceResponse>(TestContext.Current.CancellationToken))!;
        if (reports)
        {
            DeviceStates.Report(FakeDeviceStates.State(device.DeviceId));
        }

        return device;
    }

    public static string Path(DeviceResponse device, string rest, string? fingerprint = null) =>
        $"/v2/device/{Uri.EscapeDataString(device.DeviceId)}/fota/{rest}?fingerprint={Uri.EscapeDataString(fingerprint ?? device.Fingerprint)}";

    public Task<HttpResponseMessage> ScheduleAsync(DeviceResponse device, string upgradePathJson, string target = "app", string? fingerprint = null) =>
        Client.PostAsync(
            Path(device, target, fingerprint),
            new StringContent($"{{\"upgradePath\":{upgradePathJson}}}", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    /// <summary>Schedules and returns the new job's id (asserting the 201).</summary>
    public async Task<string> ScheduleOkAsync(DeviceResponse device, string upgradePathJson, string target = "app")
    {
        var response = await ScheduleAsync(device, upgradePathJson, target);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> ListAsync(DeviceResponse device)
    {
        var response = await Client.GetAsync(Path(device, "jobs"), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.JsonAsync()).AsObject();
    }

    public Task<HttpResponseMessage> CancelAsync(DeviceResponse device, string jobId) =>
        Client.DeleteAsync(Path(device, $"job/{Uri.EscapeDataString(jobId)}"), TestContext.Current.CancellationToken);

    /// <summary>The fota/job messages stored for the device (the outbox), oldest first, as "STATUS reportedVersion statusDetail".</summary>
    public async Task<IReadOnlyList<string>> JobMessagesAsync(string deviceId)
    {
        var events = await Services.GetRequiredService<IChangeEventStore>().ReadAfterAsync(0, 10_000, CancellationToken.None);
        return TwoStepPath.Describe(events.Where(e => e.DeviceId == deviceId).Select(e => e.Payload));
    }

    /// <summary>Waits until the stored job satisfies <paramref name="done"/>.</summary>
    public Task<StoredUpgradePathJob?> JobWhenAsync(string jobId, Func<StoredUpgradePathJob, bool> done, string because, Func<Task>? between = null) =>
        Eventually.ReturnsAsync(() => Store.FindAsync(jobId, CancellationToken.None), job => job is not null && done(job), because, between: between);

    /// <summary>Opens the device's WebSocket on this instance and skips its identity message.</summary>
    public async Task<NotificationClient> ConnectAsync(DeviceResponse device)
    {
        var socket = await _host.Server.CreateWebSocketClient().ConnectAsync(
            new Uri($"ws://localhost/ws?fingerprint={Uri.EscapeDataString(device.Fingerprint)}"), TestContext.Current.CancellationToken);
        var client = NotificationClient.Of(socket);
        (await client.ReceiveAsync())["@context"]!.GetValue<string>().Should().EndWith("/deviceIdentity");
        return client;
    }

    /// <summary>The device's seed-generation job list (SPEC §2.2).</summary>
    public async Task<JsonArray> SeedJobsAsync(DeviceResponse device)
    {
        var response = await Client.GetAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.JsonAsync())["jobs"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}

/// <summary>
/// nRF Cloud as the upgrade-path tests need it, on a <see cref="FakeNrfCloud"/>: every create makes a job (counted in
/// <see cref="FakeNrfCloud.CreatedJobs"/>, its bundle recorded), whose status calls answer what the test set
/// (<c>IN_PROGRESS</c> until then) and whose cancel succeeds. <see cref="HoldCreates"/> keeps creates waiting until released.
/// </summary>
public sealed class NrfCloudJobs
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _statuses = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string JobId, string BundleId, string DeviceId)> _created = new();
    private volatile TaskCompletionSource? _hold;

    public NrfCloudJobs(FakeNrfCloud nrfCloud)
    {
        nrfCloud.Always("POST /v1/fota-jobs", async (request, cancellationToken) =>
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var bundleId = body["bundleId"]!.GetValue<string>();
            var deviceId = body["deviceIdentifiers"]![0]!.GetValue<string>();
            if (_hold is { } hold)
            {
                Holding.TrySetResult();
                await hold.Task;
            }

            var jobId = nrfCloud.CreateJob();
            _statuses[jobId] = "IN_PROGRESS";
            nrfCloud.Always($"GET /v1/fota-jobs/{jobId}", (_, _) =>
                Task.FromResult(FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Job(jobId, _statuses[jobId]))));
            nrfCloud.Always($"PUT /v1/fota-jobs/{jobId}/cancel", HttpStatusCode.OK, "{}");
            _created.Enqueue((jobId, bundleId, deviceId));
            return FakeNrfCloud.Response(HttpStatusCode.OK, $"{{\"jobId\":\"{jobId}\"}}");
        });
    }

    /// <summary>The jobs created so far, in order, with their bundles.</summary>
    public IReadOnlyList<(string JobId, string BundleId, string DeviceId)> Created => [.. _created];

    /// <summary>Completes when a held create has reached nRF Cloud.</summary>
    public TaskCompletionSource Holding { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>nRF Cloud's job <paramref name="jobId"/> answers <paramref name="status"/> from now on.</summary>
    public void SetStatus(string jobId, string status) => _statuses[jobId] = status;

    /// <summary>Creates wait (after reaching nRF Cloud) until <see cref="Release"/>.</summary>
    public void HoldCreates()
    {
        Holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release()
    {
        var hold = _hold;
        _hold = null;
        hold?.TrySetResult();
    }

    /// <summary>Waits for the <paramref name="count"/>-th create and returns its job id.</summary>
    public async Task<string> CreatedAsync(int count) =>
        (await Eventually.ReturnsAsync(() => Task.FromResult(Created), created => created.Count >= count, $"nRF Cloud job {count} to be created"))[count - 1].JobId;
}
