using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Fota.Testing;
using MockNrfCloud;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// SPEC §3.6 with real processes: two service processes (<c>dotnet Fota.Api.dll</c>) share a throw-away PostgreSQL and the
/// mock nRF Cloud in simulator mode (over HTTP; it plays the jobs' progress and the devices' reports, every answer
/// <see cref="Latency"/> late so a call under way can be seen from outside). Two-step upgrade paths are scheduled through
/// <c>/v2</c>, and the process that holds the claim of a job's current work is killed (SIGKILL, no stop) in three states
/// read from the database: <b>waiting for nRF Cloud</b> (step 3: its poll of the step's nRF Cloud job under way, the poll's
/// claim held), <b>waiting for the device</b> (step 4: its read of the device's state under way, the read's claim held) and
/// <b>creating the step's nRF Cloud job</b> (step 2: the flow's claim held, the step's create intent still open — the dead
/// process's create is then resolved by reconciliation against nRF Cloud's job list before the flow's lease runs out: the
/// job it made is adopted, or, when the kill came before the create left, none is found and the resumed step creates). After
/// each kill a new process replaces it; a few bystander jobs run through all kills. Every job ends SUCCEEDED, the mock's
/// journal holds exactly one create per device and bundle, and each job's history is NEW, each step's IN_PROGRESS once,
/// SUCCEEDED. Steps 1 (choosing the bundle) and the store writes between steps hold a claim for milliseconds only, so they
/// are not killed here; <see cref="UpgradePathKillTests"/> covers them with in-process hosts.
/// Runs in the PostgreSQL leg only (<c>FOTA_TEST_DATABASE=postgres</c>), so CI runs it once.
/// </summary>
[Trait("Category", "multi-instance")]
public sealed class UpgradePathTwoProcessKillTests : IAsyncDisposable
{
    private const string AdminToken = "twoproc-admin";
    private const string ApiKey = "twoproc-key";
    private const int Bystanders = 3;
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(2);

    private readonly List<ServiceProcess> _started = [];
    private readonly List<ServiceProcess> _live = [];
    private TestDatabase? _database;
    private InProcessMockNrfCloud? _nrfCloud;
    private Dictionary<string, string> _environment = [];
    private int _scheduled;

    [Fact]
    public async Task Killed_in_each_step_the_flow_resumes_in_another_process_and_runs_every_step_once()
    {
        if (TestDatabase.DefaultKind != DatabaseKind.Postgres)
        {
            VisibleSkip.Because("UpgradePathTwoProcessKillTests runs in the PostgreSQL leg only (FOTA_TEST_DATABASE=postgres dotnet test tests/Fota.Api.Tests), so CI runs it once.");
        }

        PostgresServer.RequireBinaries();
        var clock = Stopwatch.StartNew();
        _database = TestDatabase.Create(DatabaseKind.Postgres);
        _nrfCloud = new InProcessMockNrfCloud(new MockOptions
        {
            Mode = MockMode.Simulator,
            Simulator = { StepDelay = TimeSpan.FromMilliseconds(500), ReportDelay = TimeSpan.FromMilliseconds(500), Latency = Latency },
        });
        _environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Fota"] = _database.ConnectionString,
            ["Admin__Token"] = AdminToken,
            // Calls take Latency; the limits leave room for a loaded box (at load 37 a schedule's state read once took over
            // 10 s). The flow's lease is TotalTimeout + 50 s (FotaScheduler.CreateBound and a margin, no key of its own);
            // the other leases are just above TotalTimeout.
            ["NrfCloud__AttemptTimeout"] = "00:00:15",
            ["NrfCloud__TotalTimeout"] = "00:00:20",
            ["Fota__UpgradePath__Interval"] = "00:00:00.100",
            ["Fota__Poller__FirstRetryDelay"] = "00:00:00.100",
            ["Fota__Poller__MaxRetryDelay"] = "00:00:00.200",
            ["Fota__Poller__ScanInterval"] = "00:00:00.050",
            ["Fota__Poller__ClaimDuration"] = "00:00:25",
            ["Fota__DeviceState__Interval"] = "00:00:00.200",
            ["Fota__DeviceState__ClaimDuration"] = "00:00:25",
            ["Fota__Reconcile__Interval"] = "00:00:00.200",
            ["Fota__Reconcile__FirstRetry"] = "00:00:01",
            ["Fota__Reconcile__AccountTimeout"] = "00:00:25",
        };
        _live.AddRange(await Task.WhenAll(StartAsync(), StartAsync()));
        var devices = await _live[0].AddDevicesAsync(AdminToken, _nrfCloud.ApiEndpoint, ApiKey, 3 + Bystanders);
        var jobs = new Dictionary<string, string>();
        foreach (var bystander in devices.Skip(3))
        {
            jobs[bystander.DeviceId] = await ScheduleAsync(bystander);
        }

        var kills = new List<string>
        {
            await KillInAsync(devices[0], jobs, "waiting for nRF Cloud (step 3, its poll under way)", id => $"""
                SELECT f.claimed_by FROM upgrade_path_jobs u JOIN fota_jobs f ON f.job_id = u.nrf_job_id
                WHERE u.device_id = '{id}' AND u.step = '{UpgradePathSteps.WaitForCloud}' AND NOT f.is_final AND f.claimed_until_ms > {NowMs};
                """),
            await KillInAsync(devices[1], jobs, "waiting for the device (step 4, its state read under way)", id => $"""
                SELECT r.claimed_by FROM upgrade_path_jobs u JOIN device_state_reads r ON r.device_id = u.device_id
                WHERE u.device_id = '{id}' AND u.step = '{UpgradePathSteps.WaitForDevice}' AND r.claimed_until_ms > {NowMs};
                """),
            await KillInAsync(devices[2], jobs, "creating the step's nRF Cloud job (step 2, its intent open)", id => $"""
                SELECT u.claimed_by FROM upgrade_path_jobs u JOIN fota_job_intents i ON i.intent_id = u.intent_id
                WHERE u.device_id = '{id}' AND u.step = '{UpgradePathSteps.Start}' AND i.state = 'PENDING' AND u.claimed_until_ms > {NowMs};
                """),
        };

        // Read from the database (the list's rate limit is for web apps); the list answers once each at the end.
        await using var store = await StoreHost.StartAsync(_database, migrate: false);
        var upgradePaths = store.Get<IUpgradePathStore>();
        foreach (var device in devices)
        {
            await Eventually.ReturnsAsync(
                () => upgradePaths.FindAsync(jobs[device.DeviceId], CancellationToken.None),
                job => job!.IsFinal,
                $"the job of {device.DeviceId} to end",
                TimeSpan.FromMinutes(3));
        }

        var creates = (await _nrfCloud.GetRequestsAsync(new RequestFilter(ApiKey, "POST", "/v1/fota-jobs"), TestContext.Current.CancellationToken))
            .Select(request => JsonNode.Parse(request.Body)!)
            .Select(body => (Device: body["deviceIdentifiers"]![0]!.GetValue<string>(), Bundle: body["bundleId"]!.GetValue<string>()))
            .ToList();
        using var client = _live[0].CreateClient();
        var events = await store.Get<IChangeEventStore>().ReadAfterAsync(0, 10_000, CancellationToken.None);
        foreach (var device in devices)
        {
            var history = TwoStepPath.Describe(events.Where(e => e.DeviceId == device.DeviceId).Select(e => e.Payload));
            history.Should().Equal(TwoStepPath.SucceededHistory, $"{device.DeviceId}'s job resumed after the kills with each step run once");
            (await StatusAsync(client, device, jobs[device.DeviceId])).Should().Be("SUCCEEDED");
            creates.Where(c => c.Device == device.DeviceId).Select(c => c.Bundle).Should()
                .Equal([TwoStepPath.Bundle1, TwoStepPath.Bundle2], $"each step of {device.DeviceId} created its nRF Cloud job exactly once, whichever process ran it");
        }

        creates.Should().HaveCount(2 * devices.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{string.Join("; ", kills)}; all {devices.Count} jobs SUCCEEDED with {creates.Count} creates after {clock.Elapsed.TotalSeconds:F0} s ({_started.Count} processes started)");
    }

    public ValueTask DisposeAsync() => ServiceProcess.StopAllAsync(_started, _nrfCloud, _database);

    /// <summary>The database's clock in ms, as the service writes leases (Unix ms).</summary>
    private static string NowMs => "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)";

    /// <summary>
    /// Schedules <paramref name="device"/>'s path, waits until <paramref name="claimHolder"/> (SQL answering the owner of the
    /// claim that shows the job in <paramref name="state"/>) names a process, SIGKILLs that process, checks the claim is still
    /// the dead process's (so the kill landed in that state), and starts a process in its place.
    /// </summary>
    private async Task<string> KillInAsync(DeviceResponse device, Dictionary<string, string> jobs, string state, Func<string, string> claimHolder)
    {
        jobs[device.DeviceId] = await ScheduleAsync(device);
        var sql = claimHolder(device.DeviceId);
        var holder = await Eventually.ReturnsAsync(
            async () => await _database!.ScalarAsync(sql) as string,
            owner => owner is not null,
            $"{device.DeviceId}'s job to be {state}",
            TimeSpan.FromSeconds(90));
        var victim = _live.Single(instance => holder!.Contains($"/{instance.ProcessId}/", StringComparison.Ordinal));
        victim.KillHard();
        await victim.WaitForExitAsync();
        _live.Remove(victim);
        (await _database!.ScalarAsync(sql) as string).Should().Be(holder, $"the kill landed while {device.DeviceId}'s job was {state}: the dead process's claim is left");
        var creates = await _nrfCloud!.GetRequestsAsync(new RequestFilter(ApiKey, "POST", "/v1/fota-jobs"), TestContext.Current.CancellationToken);
        var sent = creates.Count(request => request.Body.Contains(device.DeviceId, StringComparison.Ordinal));
        _live.Add(await StartAsync());
        return $"killed {state} ({sent} create(s) of it at nRF Cloud)";
    }

    private async Task<ServiceProcess> StartAsync()
    {
        var instance = await ServiceProcess.StartAsync(_environment);
        _started.Add(instance);
        return instance;
    }

    private async Task<string> ScheduleAsync(DeviceResponse device)
    {
        using var client = _live[_scheduled++ % _live.Count].CreateClient();
        using var response = await client.PostAsync(
            UpgradePathHost.Path(device, "app"),
            new StringContent($$"""{"upgradePath":{{TwoStepPath.Json}}}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    /// <summary>The status of the device's one job, <paramref name="jobId"/>, in the /v2 list.</summary>
    private static async Task<string> StatusAsync(HttpClient client, DeviceResponse device, string jobId)
    {
        using var response = await client.GetAsync(UpgradePathHost.Path(device, "jobs"), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = (await response.JsonAsync())["jobs"]!.AsArray();
        listed.Select(job => job!["id"]!.GetValue<string>()).Should().Equal([jobId], "one job per device");
        return listed[0]!["status"]!.GetValue<string>();
    }
}
