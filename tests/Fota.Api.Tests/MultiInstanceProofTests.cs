using System.Globalization;
using System.Net;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// Two service processes on one PostgreSQL database, against one nRF Cloud stub that counts: every job is polled, none by both
/// instances at once, and when one instance is killed (-9) mid-round the other takes over its claimed jobs once their lease runs out.
/// A WebSocket client of a third instance, which does not poll, receives every change the other two stored (LISTEN/NOTIFY).
/// </summary>
[Trait("Category", "multi-instance")]
public sealed class MultiInstanceProofTests : IAsyncLifetime
{
    private const int Jobs = 50;
    private const string AdminToken = "multi-instance-admin";
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(5);
    // Long enough that an instance holds claims nearly all the time, so a kill -9 leaves claims behind.
    private static readonly TimeSpan StatusLatency = TimeSpan.FromMilliseconds(150);

    private readonly FakeNrfCloud _nrfCloud = new();
    private readonly List<ServiceProcess> _instances = [];
    private TestDatabase? _database;
    private NrfCloudServer? _stub;

    public ValueTask InitializeAsync()
    {
        PostgresServer.RequireBinaries();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ServiceProcess.StopAllAsync(_instances, _stub, _database);

    [Fact]
    public async Task Two_instances_poll_every_job_never_one_job_twice_at_once_and_take_over_a_killed_instances_claims()
    {
        _database = TestDatabase.Create(DatabaseKind.Postgres);
        _stub = await NrfCloudServer.StartAsync(_nrfCloud);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Fota"] = _database.ConnectionString,
            ["Admin__Token"] = AdminToken,
            ["Fota__Poller__FirstRetryDelay"] = "00:00:00.100",
            ["Fota__Poller__MaxRetryDelay"] = "00:00:00.200",
            ["Fota__Poller__ScanInterval"] = "00:00:00.020",
            ["Fota__Poller__BatchSize"] = "5",
            ["Fota__Poller__ClaimDuration"] = ClaimDuration.ToString("c", CultureInfo.InvariantCulture),
            // A poll must end within its lease; generous limits, since a loaded 2-core box can be slow.
            ["NrfCloud__AttemptTimeout"] = "00:00:04",
            ["NrfCloud__TotalTimeout"] = "00:00:04",
            ["Logging__LogLevel__Fota.Api.Jobs.Polling.JobStatusPoll"] = "Debug",
        };
        // Both start at once: the second waits for the first's migration (advisory lock) and finds the schema current.
        var notPolling = new Dictionary<string, string>(environment) { ["Fota__Poller__Enabled"] = "false" };
        var starting = new[] { ServiceProcess.StartAsync(environment), ServiceProcess.StartAsync(environment), ServiceProcess.StartAsync(notPolling) };
        _instances.AddRange(await Task.WhenAll(starting));
        var (victim, survivor, serving) = (_instances[0], _instances[1], _instances[2]);

        var device = (await survivor.AddDevicesAsync(AdminToken, _stub.Url, "multi-key"))[0];

        await using var socket = await NotificationClient.ConnectAsync(serving.Url, device.Fingerprint);
        (await socket.ReceiveAsync())["id"]!.GetValue<string>().Should().Be(device.DeviceId, "the identity comes first");
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
        var received = ReceiveAsync(socket, 2 * Jobs); // each job: created (QUEUED), then polled once to IN_PROGRESS

        var jobIds = Enumerable.Range(0, Jobs).Select(i => $"multi-{i:D2}").ToList();
        foreach (var jobId in jobIds)
        {
            _nrfCloud.Always($"GET /v1/fota-jobs/{jobId}", async (_, cancellationToken) =>
            {
                await Task.Delay(StatusLatency, cancellationToken);
                return FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Job(jobId, "IN_PROGRESS", null, "2024-06-06T15:44:03.123Z"));
            });
        }

        for (var i = 0; i < Jobs; i++)
        {
            _nrfCloud.AcceptCreate(jobIds[i]);
            using var client = _instances[i % 2].CreateClient();
            sent[jobIds[i]] = DateTimeOffset.UtcNow;
            using var scheduled = await client.ScheduleAsync(device, DeviceApi.BundleFor(jobIds[i]));
            scheduled.StatusCode.Should().Be(HttpStatusCode.Accepted, await scheduled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        await Eventually.TrueAsync(
            () => jobIds.All(id => PollsOf(id) >= 2) && PollsBy(victim) > 0 && PollsBy(survivor) > 0,
            "every job to be polled twice, by both instances",
            TimeSpan.FromSeconds(60));
        _nrfCloud.MaxConcurrentCallsPerRoute.Should().Be(1, "a job is claimed before it is polled, so the instances never poll one job at once");
        var messages = await received;
        foreach (var jobId in jobIds)
        {
            messages.Where(m => m.Id == jobId).Select(m => m.Status).Should().Equal(["QUEUED", "IN_PROGRESS"], $"the non-polling instance's client gets every change of {jobId}, once, in order");
        }

        var latencies = messages.Where(m => m.Status == "QUEUED").Select(m => (m.At - sent[m.Id]).TotalMilliseconds).Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"schedule request sent → its QUEUED message at the non-polling instance's client: median {latencies[latencies.Count / 2]:F1} ms, max {latencies[^1]:F1} ms");

        // Kill the victim while it holds claims: they stay in the database until their lease runs out.
        await Eventually.ReturnsAsync(() => ClaimsOfAsync(victim), claims => claims.Count > 0, "the victim to hold claims");
        victim.KillHard();
        await victim.WaitForExitAsync();
        // Once the process is gone: a kill -9 takes effect a moment after it is sent, and a call the victim made in that
        // moment is the victim's, not a takeover (seen once: a call 4.9 s before the victim's lease ended).
        var killedAt = DateTimeOffset.UtcNow;
        var victimClaims = await ClaimsOfAsync(victim); // what the killed instance left behind
        victimClaims.Should().NotBeEmpty("the victim was killed while polling");
        var leaseEnds = DateTimeOffset.FromUnixTimeMilliseconds(victimClaims.Values.Max());

        await Eventually.TrueAsync(
            () => victimClaims.Keys.All(id => PolledAfter(id, killedAt)),
            "the survivor to poll every job the victim had claimed",
            TimeSpan.FromSeconds(30));
        foreach (var (jobId, claimedUntil) in victimClaims)
        {
            var takenOverAt = _nrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}").Where(c => c.At > killedAt).Min(c => c.At);
            takenOverAt.Should().BeOnOrAfter(DateTimeOffset.FromUnixTimeMilliseconds(claimedUntil) - TimeSpan.FromMilliseconds(50), $"nobody polls {jobId} while the dead instance's lease on it lasts");
        }

        var takenOverBy = victimClaims.Keys.Max(id => _nrfCloud.CallsTo("GET", $"/v1/fota-jobs/{id}").Where(c => c.At > killedAt).Min(c => c.At));
        takenOverBy.Should().BeBefore(leaseEnds + TimeSpan.FromSeconds(3), $"the claims lasted until {leaseEnds:O}; the survivor takes a job over as soon as its lease runs out");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"victim held {victimClaims.Count} claims at kill -9; lease ended {(leaseEnds - killedAt).TotalMilliseconds:F0} ms after the kill, last takeover {(takenOverBy - killedAt).TotalMilliseconds:F0} ms after it; polls by victim {PollsBy(victim)}, by survivor {PollsBy(survivor)}");
        var afterKill = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(() => jobIds.All(id => PolledAfter(id, afterKill)), "the survivor alone to keep polling every job", TimeSpan.FromSeconds(30));
        _nrfCloud.MaxConcurrentCallsPerRoute.Should().Be(1, "not even the takeover polls a job twice at once");
    }

    private static async Task<IReadOnlyList<(string Id, string Status, DateTimeOffset At)>> ReceiveAsync(NotificationClient socket, int count)
    {
        var messages = new List<(string Id, string Status, DateTimeOffset At)>();
        while (messages.Count < count)
        {
            var job = await socket.ReceiveJobAsync();
            messages.Add((job["id"]!.GetValue<string>(), job["status"]!.GetValue<string>(), DateTimeOffset.UtcNow));
        }

        return messages;
    }

    private int PollsOf(string jobId) => _nrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}").Count;

    private bool PolledAfter(string jobId, DateTimeOffset time) => _nrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}").Any(c => c.At > time);

    private static int PollsBy(ServiceProcess instance) =>
        instance.Output.Count(l => l.Contains("FOTA job multi-", StringComparison.Ordinal) && l.Contains(" is IN_PROGRESS", StringComparison.Ordinal));

    /// <summary>The jobs the instance has claimed now, with the end of each lease (poller owners contain the process id).</summary>
    private async Task<IReadOnlyDictionary<string, long>> ClaimsOfAsync(ServiceProcess instance)
    {
        var claims = await _database!.ScalarAsync($"""
            SELECT COALESCE(string_agg(job_id || '=' || claimed_until_ms, ','), '') FROM fota_jobs
            WHERE claimed_by LIKE '%/{instance.ProcessId}/%';
            """);
        return ((string)claims!).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
    }
}
