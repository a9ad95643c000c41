using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MockNrfCloud;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Client;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

// Throughput (wrk) of a kept queued response vs plain WireMock.Net stubs, and latency of the server-side wait.
// Usage: dotnet run -c Release --project bench/mock/MockBench -- [seconds per wrk run] [wait samples]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
const string ApiKey = "bench-api-key";
const string Path = "/v1/fota-jobs/bench";
const string Body = """{"jobId":"bench","status":"IN_PROGRESS","createdAt":"2026-01-01T00:00:00Z"}""";

using var plain = StartPlainWireMock(log: true);
using var plainNoLog = StartPlainWireMock(log: false);
await using var mock = new InProcessMockNrfCloud();
await mock.QueueResponseAsync(ApiKey, $"GET {Path}", $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{Body}", keep: true);

var targets = new (string Name, string Url)[]
{
    ("plain WireMock stub (default settings)", plain.Urls[0] + Path),
    ("plain WireMock stub (request log off)", plainNoLog.Urls[0] + Path),
    ("mock nRF Cloud, kept response", mock.ApiEndpoint + Path.TrimStart('/')),
};

Console.WriteLine($"wrk -t2 -c32 -d{seconds}s, {Environment.ProcessorCount} cores (shared with other work)");
var throughput = new Dictionary<string, double>();
foreach (var (_, url) in targets)
{
    await RunWrkAsync(url, 2); // warm-up (JIT, connections)
}

// Three interleaved rounds, best of each: the machine is shared, so load varies from run to run.
for (var round = 1; round <= 3; round++)
{
    foreach (var (name, url) in targets)
    {
        var (rps, p50, p99) = await RunWrkAsync(url, seconds);
        throughput[name] = Math.Max(throughput.GetValueOrDefault(name), rps);
        Console.WriteLine($"round {round}: {name,-40} {rps,10:F0} req/s   p50 {p50,-8} p99 {p99}");
    }
}

var ratio = throughput[targets[2].Name] / throughput[targets[0].Name];
var ratioNoLog = throughput[targets[2].Name] / throughput[targets[1].Name];
Console.WriteLine($"best: plain {throughput[targets[0].Name]:F0}, plain log off {throughput[targets[1].Name]:F0}, mock {throughput[targets[2].Name]:F0} req/s");
Console.WriteLine($"mock / plain (default) = {ratio:P0}; mock / plain (log off) = {ratioNoLog:P0}");

using var http = new HttpClient();
await MeasureWaitAsync("wait over the admin HTTP API", new HttpMockNrfCloud(mock.ApiEndpoint, null, http));
await MeasureWaitAsync("wait in-process", mock);

async Task MeasureWaitAsync(string name, IMockNrfCloud client)
{
    using var caller = new HttpClient { BaseAddress = mock.ApiEndpoint };
    var latencies = new List<double>();
    for (var i = 0; i < samples + 10; i++)
    {
        var key = $"wait-{Guid.NewGuid():N}";
        var wait = client.WaitForRequestAsync(new RequestFilter(key, "GET", "/v1/fota-jobs/waited"), TimeSpan.FromSeconds(10));
        await Task.Delay(5); // let the wait reach the server and register first (benchmark only)
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/fota-jobs/waited");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var clock = Stopwatch.StartNew(); // just before the request leaves: an upper bound of arrival -> answer
        var send = caller.SendAsync(request);
        var found = await wait;
        var elapsed = clock.Elapsed.TotalMilliseconds;
        (await send).Dispose();
        if (found is null)
        {
            throw new InvalidOperationException("a wait timed out");
        }

        if (i >= 10)
        {
            latencies.Add(elapsed); // the first 10 are warm-up
        }
    }

    latencies.Sort();
    Console.WriteLine($"{name,-40} n={latencies.Count} median {Percentile(0.5):F2} ms  p95 {Percentile(0.95):F2} ms  max {latencies[^1]:F2} ms");

    double Percentile(double p) => latencies[(int)Math.Ceiling(p * latencies.Count) - 1];
}

static WireMockServer StartPlainWireMock(bool log)
{
    var settings = new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] };
    if (!log)
    {
        settings.MaxRequestLogCount = 0;
    }

    var server = WireMockServer.Start(settings);
    server
        .Given(Request.Create().WithPath(Path).UsingGet())
        .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Body));
    return server;
}

static async Task<(double Rps, string P50, string P99)> RunWrkAsync(string url, int seconds)
{
    var start = new ProcessStartInfo("wrk", ["-t2", "-c32", $"-d{seconds}s", "--latency", "-H", $"Authorization: Bearer {ApiKey}", url])
    {
        RedirectStandardOutput = true,
    };
    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
    if (!rps.Success || output.Contains("Non-2xx", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"wrk failed or got errors for {url}:\n{output}");
    }

    return (
        double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
        Regex.Match(output, @"^\s+50%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value,
        Regex.Match(output, @"^\s+99%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);
}
