using System.Net;
using System.Net.Http.Json;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>One database outliving a service instance (restart) and shared by two instances at once. On every database kind.</summary>
public abstract class SharedDatabaseTests(DatabaseKind kind) : IDisposable
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ??= TestDatabase.Create(kind);

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Everything_the_API_returned_survives_a_restart()
    {
        var nrfCloud = new FakeNrfCloud();
        DeviceResponse device;
        string jobsBefore;
        using (var first = new FotaApiFactory(database: Database, nrfCloud: nrfCloud))
        {
            device = await first.RegisterDeviceAsync();
            _ = await first.RegisterDeviceAsync();
            nrfCloud.AcceptCreate("job-1");
            nrfCloud.Always("GET /v1/fota-jobs/job-1", HttpStatusCode.OK, NrfCloudJson.Job("job-1", "IN_PROGRESS", "Job auto applied", "2024-06-06T15:44:03.123Z", "v2.0.0"));
            using var client = first.CreateClient();
            (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            await Eventually.ReturnsAsync(() => client.ListJobsAsync(device), j => j[0]!["status"]!.GetValue<string>() == "IN_PROGRESS", "the first poll");
            nrfCloud.AcceptCreate("job-2");
            (await client.ScheduleAsync(device, DeviceApi.BundleFor("job-2"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
            jobsBefore = (await client.GetStringAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken));
        }

        using var restarted = new FotaApiFactory(database: Database, nrfCloud: new FakeNrfCloud(), settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        using var after = restarted.CreateClient();

        (await after.GetStringAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken)).Should().Be(jobsBefore);
        using var admin = restarted.CreateAdminClient();
        var duplicate = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = FotaApiFactory.AccountName, deviceId = device.DeviceId }, TestContext.Current.CancellationToken);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict, "the device is still registered");
        var inSameAccount = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = FotaApiFactory.AccountName }, TestContext.Current.CancellationToken);
        inSameAccount.StatusCode.Should().Be(HttpStatusCode.Created, "the account is still registered");
    }

    [Fact]
    public async Task Two_instances_on_one_database_never_poll_a_job_at_the_same_time()
    {
        var nrfCloud = new FakeNrfCloud();
        var fastPolling = new Dictionary<string, string?>
        {
            ["Fota:Poller:FirstRetryDelay"] = "00:00:00.010",
            ["Fota:Poller:MaxRetryDelay"] = "00:00:00.020",
            ["Fota:Poller:ScanInterval"] = "00:00:00.005",
            ["Fota:Poller:BatchSize"] = "5",
        };
        using var one = new FotaApiFactory(database: Database, nrfCloud: nrfCloud, settings: fastPolling);
        using var two = new FotaApiFactory(database: Database, nrfCloud: nrfCloud, settings: fastPolling);
        var device = await one.RegisterDeviceAsync();
        _ = two.Services; // starts the second instance and its poller
        using var client = one.CreateClient();
        var jobIds = Enumerable.Range(0, 12).Select(i => $"job-{i}").ToList();
        foreach (var jobId in jobIds)
        {
            // Each status call takes a moment, so overlapping polls of one job would be seen.
            nrfCloud.Always($"GET /v1/fota-jobs/{jobId}", async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(3), cancellationToken);
                return FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Job(jobId, "IN_PROGRESS", null, "2024-06-06T15:44:03.123Z"));
            });
            nrfCloud.AcceptCreate(jobId);
            (await client.ScheduleAsync(device, DeviceApi.BundleFor(jobId))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await Eventually.TrueAsync(
            () => PolledBy(one) >= 20 && PolledBy(two) >= 20,
            "both instances to poll the jobs many times",
            TimeSpan.FromSeconds(60));

        nrfCloud.MaxConcurrentCallsPerRoute.Should().Be(1, "a job is claimed before it is polled, so no job is polled twice at once");
        nrfCloud.MaxConcurrentCalls.Should().BeLessThanOrEqualTo(8, "each instance makes at most Fota:Poller:MaxConcurrency (4) calls at once");
    }

    private static int PolledBy(FotaApiFactory instance) =>
        instance.Logs.Lines.Count(l => l.Contains("Fota.Api.Jobs.Polling.JobStatusPoll", StringComparison.Ordinal) && l.Contains("is IN_PROGRESS", StringComparison.Ordinal));
}

public sealed class SqliteSharedDatabaseTests() : SharedDatabaseTests(DatabaseKind.Sqlite);

public sealed class PostgresSharedDatabaseTests() : SharedDatabaseTests(DatabaseKind.Postgres);
