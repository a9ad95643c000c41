// Delivery latency from a stored change to the WebSocket client's receipt, over real loopback sockets (Kestrel, ClientWebSocket):
// two service instances in this process on one SQLite file, A and B, each with its own container (so B learns of A's
// changes only by following the outbox, exactly as another process would). Changes are stored through A's JobStore; the
// clock starts just before the storing transaction begins. Usage:
//   dotnet run -c Release --project bench/notifications/NotificationBench -- [changes=200] [clients=1000]
extern alias api;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using api::Fota.Api.Notifications;
using api::Fota.Api.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Fota.Testing;

var changes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var manyClients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var databasePath = Path.Combine(Path.GetTempPath(), $"fota-notification-bench-{Guid.NewGuid():N}.db");
// A third argument "Host=…" runs both instances on that PostgreSQL database instead (bench/notifications/postgres.sh).
var connectionString = args.Length > 2 ? args[2] : $"Data Source={databasePath}";
var started = new ConcurrentDictionary<string, long>();
var run = 0;
// WebApplicationFactory looks for the service's content root beside a solution; the bench runs from its output folder.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FOTA_API", AppContext.BaseDirectory);

await using var a = new Instance(connectionString);
await using var b = new Instance(connectionString);
var jobs = a.Services.GetRequiredService<IJobStore>();
var registry = a.Services.GetRequiredService<IRegistryStore>();
var devices = new List<StoredDevice>();
for (var i = 0; i < Math.Max(manyClients / 4, 11); i++)
{
    var device = new StoredDevice($"bench-{i}", $"{i:X8}.ABCDEF", "PCA20065", "bench");
    await registry.AddDeviceAsync(device, DateTimeOffset.UtcNow, CancellationToken.None);
    devices.Add(device);
}

Console.WriteLine($"instances: A {a.Url}, B {b.Url}; {(args.Length > 2 ? "PostgreSQL (LISTEN/NOTIFY)" : $"SQLite {databasePath}")}; Fota:Notifications:PollInterval default (100 ms)");
await PhaseAsync("in-instance (clients on A, changes stored by A)", a, devices.Take(10).ToList(), clientsPerDevice: 1, changes);
await PhaseAsync("across instances (clients on B, changes stored by A)", b, devices.Take(10).ToList(), clientsPerDevice: 1, changes);

// A client that completes the upgrade and never reads, on its own device, flooded with changes during the next phase.
var stalledDevice = devices[10];
using var stalled = await StalledClientAsync(b.Url, stalledDevice.Fingerprint);
var bConnections = b.Services.GetRequiredService<DeviceConnections>();
Console.WriteLine($"stalled client connected; B has {bConnections.Count} connection(s)");
using (var flooding = new CancellationTokenSource())
{
    var flood = Task.Run(async () =>
    {
        var n = 0;
        while (!flooding.IsCancellationRequested)
        {
            await jobs.InsertAsync(Job($"flood-{n++}", stalledDevice.DeviceId), CancellationToken.None);
            if (n % 50 == 0)
            {
                await Task.Delay(1);
            }
        }

        return n;
    });
    await PhaseAsync("across instances with the stalled client flooded", b, devices.Take(10).ToList(), clientsPerDevice: 1, changes);
    await flooding.CancelAsync();
    Console.WriteLine($"  flood: {await flood} changes for the stalled client's device; B has {bConnections.Count} connection(s) left (the stalled one was {(bConnections.Count == 0 ? "closed" : "NOT closed")})");
}

var perDevice = 4;
await PhaseAsync($"{manyClients} clients on B ({manyClients / perDevice} devices x {perDevice}), one change per device x 4", b, devices.Take(manyClients / perDevice).ToList(), perDevice, manyClients / perDevice * 4);

async Task PhaseAsync(string name, Instance instance, List<StoredDevice> phaseDevices, int clientsPerDevice, int changeCount)
{
    var phase = Interlocked.Increment(ref run);
    var latencies = new ConcurrentBag<double>();
    var received = new ConcurrentDictionary<int, int>();
    var clients = new List<(ClientWebSocket Socket, Task Receiving)>();
    for (var d = 0; d < phaseDevices.Count; d++)
    {
        for (var c = 0; c < clientsPerDevice; c++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"{instance.Url.Replace("http", "ws", StringComparison.Ordinal)}/ws?fingerprint={phaseDevices[d].Fingerprint}"), CancellationToken.None);
            var index = clients.Count;
            clients.Add((socket, ReceiveAsync(socket, index, latencies, received)));
        }
    }

    var connectedAt = Stopwatch.GetTimestamp();
    for (var k = 0; k < changeCount; k++)
    {
        var jobId = $"p{phase}-{k}";
        var device = phaseDevices[k % phaseDevices.Count];
        started[jobId] = Stopwatch.GetTimestamp();
        await jobs.InsertAsync(Job(jobId, device.DeviceId), CancellationToken.None);
        await Task.Delay(2); // pace the writes, so each change is measured on its own and not batched with others
    }

    var expected = changeCount / phaseDevices.Count * clientsPerDevice * phaseDevices.Count;
    var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
    while (latencies.Count < expected && Stopwatch.GetTimestamp() < deadline)
    {
        await Task.Delay(10);
    }

    var sorted = latencies.Order().ToArray();
    var complete = received.Values.Count(v => v == changeCount / phaseDevices.Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {sorted.Length}/{expected} receipts, {complete}/{clients.Count} clients got every change of their device; " +
        $"latency median {Percentile(sorted, 0.5):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms " +
        $"(run {Stopwatch.GetElapsedTime(connectedAt).TotalSeconds:0.0} s)"));
    foreach (var (socket, receiving) in clients)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }

        await receiving;
        socket.Dispose();
    }
}

async Task ReceiveAsync(ClientWebSocket socket, int index, ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> received)
{
    var buffer = new byte[4096];
    try
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
            if (message["id"]?.GetValue<string>() is { } id && started.TryGetValue(id, out var at) && message["status"] is not null)
            {
                latencies.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                received.AddOrUpdate(index, 1, (_, n) => n + 1);
            }
        }
    }
    catch (WebSocketException)
    {
    }
}

static StoredJob Job(string jobId, string deviceId) =>
    new(jobId, deviceId, "bench", "APP*1e29dfa3*v2.0.0", "QUEUED", null, "unknown", "2024-06-06T15:44:00.000Z", DateTimeOffset.UtcNow);

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

// The upgrade by hand on a socket with a tiny receive buffer, then never a read: the server's sends back up.
static async Task<Socket> StalledClientAsync(string url, string fingerprint)
{
    var uri = new Uri(url);
    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
    await socket.ConnectAsync(IPAddress.Loopback, uri.Port);
    var request = $"GET /ws?fingerprint={fingerprint} HTTP/1.1\r\nHost: 127.0.0.1:{uri.Port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
                  "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    await socket.SendAsync(Encoding.ASCII.GetBytes(request));
    var answer = new byte[1024];
    var read = await socket.ReceiveAsync(answer);
    var status = Encoding.ASCII.GetString(answer, 0, read).Split("\r\n")[0];
    if (!status.Contains("101", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"the stalled client's upgrade was answered {status}");
    }

    return socket;
}

/// <summary>One service instance on Kestrel (loopback, free port), sharing the database file, not polling nRF Cloud.</summary>
internal sealed class Instance : IAsyncDisposable
{
    private readonly FotaTestHost<api::Program> _host;

    public Instance(string connectionString)
    {
        _host = new FotaTestHost<api::Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Fota"] = connectionString,
            ["Fota:Poller:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Fota.Api.Notifications"] = "Warning",
        });
        _host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string Url { get; }

    public IServiceProvider Services => _host.Services;

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
