using Fota.Api.Jobs.Polling;
// One polling round over N non-final jobs: the service's own StatusPoller, store and NrfCloudClient (with its resilience
// pipeline) against an in-process stub that counts concurrent calls. Usage:
//   dotnet run -c Release --project bench/api/PollerBench -- [jobs=10000] [maxConcurrency=4] [stubLatencyMs=0]
//   dotnet run -c Release --project bench/api/PollerBench -- 100000 4 0 --postgres "Host=…" [--instances 2]
// With --postgres the jobs are seeded into PostgreSQL and --instances poller processes (this program with --poll-only)
// share the round; every job must be polled exactly once (0 double polls). Service settings can be set as environment
// variables (Fota__Poller__MaxConcurrencyPerAccount=4), the poll-only processes inherit them.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Fota.Api.Devices;
using Fota.Api.Jobs;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Fota.Api.Storage.Postgres;
using Fota.Api.Storage.Sqlite;

var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var jobs = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 10_000;
var maxConcurrency = positional.Length > 1 ? positional[1] : "4";
var latency = TimeSpan.FromMilliseconds(positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 0);
var postgres = Option("--postgres");
var instances = int.Parse(Option("--instances") ?? "2", CultureInfo.InvariantCulture);

if (args.Contains("--poll-only"))
{
    return await PollOnlyAsync(postgres!, maxConcurrency, latency, Option("--out")!);
}

if (postgres is not null)
{
    return await PostgresRoundAsync(postgres, jobs, maxConcurrency, latency, instances);
}

var databasePath = Path.Combine(Path.GetTempPath(), $"fota-poller-bench-{Guid.NewGuid():N}.db");
var stub = new CountingStub(latency);
await using var provider = BuildProvider($"Data Source={databasePath}", maxConcurrency, stub);
try
{
    await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync(CancellationToken.None);
    await SeedSqliteAsync(provider.GetRequiredService<SqliteDatabase>(), jobs);
    var sqlite = provider.GetRequiredService<SqliteDatabase>();
    var (elapsed, allocated) = await RunRoundAsync(
        provider.GetRequiredService<StatusPoller>(),
        async () => await CountSqliteAsync(sqlite, $"SELECT COUNT(*) FROM (SELECT 1 FROM fota_jobs WHERE is_final = 0 AND next_poll_at_ms <= {NowMs()} LIMIT 1)") == 0);
    var updated = await CountSqliteAsync(provider.GetRequiredService<SqliteDatabase>(), "SELECT COUNT(*) FROM fota_jobs WHERE status = 'IN_PROGRESS' AND version = 'v2.0.0'");
    using var process = Process.GetCurrentProcess();

    Console.WriteLine($"jobs={jobs} maxConcurrency={maxConcurrency} stubLatency={latency.TotalMilliseconds}ms cores={Environment.ProcessorCount}");
    Console.WriteLine($"wall time            {elapsed.TotalSeconds:F2} s ({jobs / elapsed.TotalSeconds:F0} jobs/s)");
    Console.WriteLine($"nRF Cloud calls      {stub.Calls} (jobs updated {updated})");
    Console.WriteLine($"peak concurrent      {stub.MaxConcurrent} calls");
    Console.WriteLine($"peak working set     {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
    Console.WriteLine($"allocated in round   {allocated / 1024.0 / 1024.0:F0} MiB ({allocated / Math.Max(1, jobs)} B/job)");
    return updated == jobs && stub.MaxConcurrent <= int.Parse(maxConcurrency, CultureInfo.InvariantCulture) ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
    {
        File.Delete(file);
    }
}

static ServiceProvider BuildProvider(string connectionString, string maxConcurrency, CountingStub stub)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Fota"] = connectionString,
        ["Fota:Poller:MaxConcurrency"] = maxConcurrency,
        // One pass: no job becomes due again while the round runs.
        ["Fota:Poller:FirstRetryDelay"] = "01:00:00",
        ["Fota:Poller:MaxRetryDelay"] = "01:00:00",
        ["NrfCloud:Accounts:bench:ApiEndpoint"] = "https://nrfcloud.bench",
        ["NrfCloud:Accounts:bench:ApiKey"] = "bench-key",
    }).AddEnvironmentVariables().Build();
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
    services.AddSingleton(TimeProvider.System);
    services.AddFotaStorage();
    services.AddNrfCloud(configuration);
    services.AddDeviceRegistry();
    services.AddFota(configuration);
    services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => stub));
    return services.BuildServiceProvider();
}

static async Task<(TimeSpan Elapsed, long Allocated)> RunRoundAsync(StatusPoller poller, Func<Task<bool>> done)
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var stopwatch = Stopwatch.StartNew();
    // The poller runs as in the service (its slot-filling loop); the pass ends when no job is due any more (every job
    // was polled and its outcome written; an index lookup, so checking costs the round almost nothing).
    await poller.StartAsync(CancellationToken.None);
    while (!await done())
    {
        await Task.Delay(20);
    }

    await poller.StopAsync(CancellationToken.None);
    stopwatch.Stop();
    return (stopwatch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
}

// One poller instance of a multi-instance round: polls until nothing is left to claim, writes the polled job ids to a file.
static async Task<int> PollOnlyAsync(string connectionString, string maxConcurrency, TimeSpan latency, string outFile)
{
    var stub = new CountingStub(latency);
    await using var provider = BuildProvider(connectionString, maxConcurrency, stub);
    var database = provider.GetRequiredService<PostgresDatabase>();
    var (elapsed, _) = await RunRoundAsync(
        provider.GetRequiredService<StatusPoller>(),
        async () => await CountPostgresAsync(database, $"SELECT COUNT(*) FROM (SELECT 1 FROM fota_jobs WHERE NOT is_final AND next_poll_at_ms <= {NowMs()} LIMIT 1) due") == 0);
    await File.WriteAllLinesAsync(outFile, stub.Polled);
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"instance {Environment.ProcessId}: {elapsed.TotalSeconds:F2} s, {stub.Calls} calls ({stub.Calls / elapsed.TotalSeconds:F0}/s), peak concurrent {stub.MaxConcurrent}, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, CPU {process.TotalProcessorTime.TotalSeconds:F1} s"));
    return 0;
}

static async Task<int> PostgresRoundAsync(string connectionString, int jobs, string maxConcurrency, TimeSpan latency, int instances)
{
    await using (var provider = BuildProvider(connectionString, maxConcurrency, new CountingStub(latency)))
    {
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync(CancellationToken.None);
        await SeedPostgresAsync(provider.GetRequiredService<PostgresDatabase>(), jobs);
    }

    var outFiles = Enumerable.Range(0, instances).Select(i => Path.Combine(Path.GetTempPath(), $"fota-poller-bench-{Guid.NewGuid():N}-{i}.txt")).ToList();
    var stopwatch = Stopwatch.StartNew();
    var children = outFiles.Select(outFile =>
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { typeof(CountingStub).Assembly.Location, "0", maxConcurrency, latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture), "--poll-only", "--postgres", connectionString, "--out", outFile })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }).ToList();
    foreach (var child in children)
    {
        await child.WaitForExitAsync();
    }

    stopwatch.Stop();
    var polled = outFiles.SelectMany(File.ReadAllLines).ToList();
    outFiles.ForEach(File.Delete);
    var doublePolls = polled.Count - polled.Distinct(StringComparer.Ordinal).Count();
    await using var database = new PostgresDatabase(connectionString);
    var updated = await CountPostgresAsync(database, "SELECT COUNT(*) FROM fota_jobs WHERE status = 'IN_PROGRESS' AND version = 'v2.0.0'");

    Console.WriteLine($"jobs={jobs} instances={instances} maxConcurrency={maxConcurrency} stubLatency={latency.TotalMilliseconds}ms cores={Environment.ProcessorCount} store=PostgreSQL");
    Console.WriteLine($"wall time            {stopwatch.Elapsed.TotalSeconds:F2} s from starting the instances to the last one done ({jobs / stopwatch.Elapsed.TotalSeconds:F0} calls/s)");
    Console.WriteLine($"nRF Cloud calls      {polled.Count} (jobs updated {updated})");
    Console.WriteLine($"double polls         {doublePolls}");
    return updated == jobs && polled.Count == jobs && doublePolls == 0 && children.All(c => c.ExitCode == 0) ? 0 : 1;
}

static async Task SeedSqliteAsync(SqliteDatabase database, int count)
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

static async Task SeedPostgresAsync(PostgresDatabase database, int count)
{
    await using var connection = await database.OpenAsync(CancellationToken.None);
    var now = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
    await using (var import = await connection.BeginBinaryImportAsync(
        "COPY fota_jobs (job_id, device_id, account, bundle_id, status, version, last_updated_at, created_at_ms, next_poll_at_ms) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < count; i++)
        {
            await import.StartRowAsync();
            foreach (var text in new[] { $"bench-job-{i:D6}", $"oob-{i:D15}", "bench", "APP*1e29dfa3*v2.0.0", "QUEUED", "unknown", "2024-06-06T15:44:03.123Z" })
            {
                await import.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text);
            }

            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.Bigint);
            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.Bigint);
        }

        await import.CompleteAsync();
    }

    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE fota_jobs;";
    await analyze.ExecuteNonQueryAsync();
}

static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

static async Task<long> CountSqliteAsync(SqliteDatabase database, string sql)
{
    await using var connection = await database.OpenAsync(CancellationToken.None);
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)(await command.ExecuteScalarAsync() ?? 0L);
}

static async Task<long> CountPostgresAsync(PostgresDatabase database, string sql)
{
    await using var connection = await database.OpenAsync(CancellationToken.None);
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)(await command.ExecuteScalarAsync() ?? 0L);
}

/// <summary>Answers every status call with IN_PROGRESS after an optional latency; counts calls, the peak of concurrent ones, and which jobs it saw.</summary>
internal sealed class CountingStub(TimeSpan latency) : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _polled = new();
    private int _inFlight;
    private int _maxConcurrent;
    private int _calls;

    public int Calls => _calls;

    public int MaxConcurrent => _maxConcurrent;

    public IEnumerable<string> Polled => _polled;

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
            _polled.Enqueue(jobId);
            var body = $"{{\"jobId\":\"{jobId}\",\"status\":\"IN_PROGRESS\",\"statusDetail\":\"Job auto applied\",\"createdAt\":\"2024-06-06T15:44:00.000Z\",\"lastUpdatedAt\":\"2024-06-06T15:44:03.123Z\",\"firmware\":{{\"version\":\"v2.0.0\"}}}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
