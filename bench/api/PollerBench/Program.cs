// One polling pass over N non-final jobs: the service's own StatusPoller, JobStore and NrfCloudClient (with its resilience
// pipeline) against an in-process stub that counts concurrent calls. Usage:
//   dotnet run -c Release --project bench/api/PollerBench -- [jobs=10000] [maxConcurrency=4] [stubLatencyMs=0]
using System.Diagnostics;
using System.Net;
using System.Text;
using Fota.Api.Devices;
using Fota.Api.Fota;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

var jobs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var maxConcurrency = args.Length > 1 ? args[1] : "4";
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
var databasePath = Path.Combine(Path.GetTempPath(), $"fota-poller-bench-{Guid.NewGuid():N}.db");

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Fota"] = $"Data Source={databasePath}",
    ["Fota:Poller:MaxConcurrency"] = maxConcurrency,
    // One pass: no job becomes due again while the round runs.
    ["Fota:Poller:FirstRetryDelay"] = "01:00:00",
    ["Fota:Poller:MaxRetryDelay"] = "01:00:00",
    ["NrfCloud:Accounts:bench:ApiEndpoint"] = "https://nrfcloud.bench",
    ["NrfCloud:Accounts:bench:ApiKey"] = "bench-key",
}).Build();

var stub = new CountingStub(latency);
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
services.AddSingleton(TimeProvider.System);
services.AddFotaStorage();
services.AddNrfCloud(configuration);
services.AddDeviceRegistry();
services.AddFota(configuration);
services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => stub));
await using var provider = services.BuildServiceProvider();

try
{
    await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
    await SeedAsync(provider.GetRequiredService<SqliteDatabase>(), jobs);
    var poller = provider.GetRequiredService<StatusPoller>();

    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var stopwatch = Stopwatch.StartNew();
    // The poller runs as in the service (a slot-filling loop); the pass ends when every job has been updated once.
    await poller.StartAsync(CancellationToken.None);
    var database = provider.GetRequiredService<SqliteDatabase>();
    while (await CountAsync(database, "SELECT COUNT(*) FROM fota_jobs WHERE status = 'IN_PROGRESS'") < jobs)
    {
        await Task.Delay(20);
    }

    await poller.StopAsync(CancellationToken.None);
    stopwatch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var updated = await CountAsync(provider.GetRequiredService<SqliteDatabase>(), "SELECT COUNT(*) FROM fota_jobs WHERE status = 'IN_PROGRESS' AND version = 'v2.0.0'");
    using var process = Process.GetCurrentProcess();

    Console.WriteLine($"jobs={jobs} maxConcurrency={maxConcurrency} stubLatency={latency.TotalMilliseconds}ms cores={Environment.ProcessorCount}");
    Console.WriteLine($"wall time            {stopwatch.Elapsed.TotalSeconds:F2} s ({jobs / stopwatch.Elapsed.TotalSeconds:F0} jobs/s)");
    Console.WriteLine($"nRF Cloud calls      {stub.Calls} (jobs updated {updated})");
    Console.WriteLine($"peak concurrent      {stub.MaxConcurrent} calls");
    Console.WriteLine($"peak working set     {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
    Console.WriteLine($"allocated in round   {allocated / 1024.0 / 1024.0:F0} MiB ({allocated / Math.Max(1, jobs)} B/job)");
    return updated == jobs && stub.MaxConcurrent <= int.Parse(maxConcurrency, System.Globalization.CultureInfo.InvariantCulture) ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
    {
        File.Delete(file);
    }
}

static async Task SeedAsync(SqliteDatabase database, int count)
{
    await using var connection = await database.OpenAsync(CancellationToken.None);
    await using var transaction = await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.CommandText = """
        INSERT INTO fota_jobs (job_id, device_id, account, bundle_id, status, version, last_updated_at, created_at_ms, next_poll_at_ms)
        VALUES ($jobId, $deviceId, 'bench', 'APP*1e29dfa3*v2.0.0', 'QUEUED', 'unknown', '2024-06-06T15:44:03.123Z', $now, $now);
        """;
    var jobId = insert.Parameters.Add("$jobId", Microsoft.Data.Sqlite.SqliteType.Text);
    var deviceId = insert.Parameters.Add("$deviceId", Microsoft.Data.Sqlite.SqliteType.Text);
    insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
    for (var i = 0; i < count; i++)
    {
        jobId.Value = $"bench-job-{i:D6}";
        deviceId.Value = $"oob-{i:D15}";
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

static async Task<long> CountAsync(SqliteDatabase database, string sql)
{
    await using var connection = await database.OpenAsync(CancellationToken.None);
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)(await command.ExecuteScalarAsync() ?? 0L);
}

/// <summary>Answers every status call with IN_PROGRESS after an optional latency; counts calls and the peak of concurrent ones.</summary>
internal sealed class CountingStub(TimeSpan latency) : HttpMessageHandler
{
    private int _inFlight;
    private int _maxConcurrent;
    private int _calls;

    public int Calls => _calls;

    public int MaxConcurrent => _maxConcurrent;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _calls);
        int seen;
        while (now > (seen = _maxConcurrent) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        try
        {
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancellationToken);
            }

            var jobId = request.RequestUri!.Segments[^1];
            var body = $"{{\"jobId\":\"{jobId}\",\"status\":\"IN_PROGRESS\",\"statusDetail\":\"Job auto applied\",\"createdAt\":\"2024-06-06T15:44:00.000Z\",\"lastUpdatedAt\":\"2024-06-06T15:44:03.123Z\",\"firmware\":{{\"version\":\"v2.0.0\"}}}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
