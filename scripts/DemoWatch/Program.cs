using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

// Usage: DemoWatch <ws-url> <timeout-seconds> [ready-file]
// Creates ready-file once connected (the device's identity arrived), so the caller schedules only then. Prints every message of the device's WebSocket as a progress line as it arrives; exits 0 when the upgrade-path job
// is SUCCEEDED, 1 when it is FAILED, 2 on a timeout or a lost connection.
if (args.Length is < 2 or > 3 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url) || !int.TryParse(args[1], out var timeoutSeconds))
{
    Console.Error.WriteLine("usage: DemoWatch <ws://host:port/ws?fingerprint=…> <timeout-seconds> [ready-file]");
    return 64;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
using var socket = new ClientWebSocket();
var clock = Stopwatch.StartNew();
var display = new ProgressDisplay(() => clock.Elapsed);
try
{
    await socket.ConnectAsync(url, timeout.Token);
    var buffer = new byte[64 * 1024];
    while (true)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, timeout.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                Console.Error.WriteLine("demo: the service closed the WebSocket before the job was final");
                return 2;
            }

            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);

        var outcome = display.Show(JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())));
        if (args.Length == 3 && !File.Exists(args[2]))
        {
            await File.WriteAllTextAsync(args[2], "connected", timeout.Token);
        }

        if (outcome is not null)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            return outcome == "SUCCEEDED" ? 0 : 1;
        }
    }
}
catch (OperationCanceledException) when (timeout.IsCancellationRequested)
{
    Console.Error.WriteLine($"demo: timed out after {timeoutSeconds} s without a final upgrade-path job");
    return 2;
}
catch (WebSocketException e)
{
    Console.Error.WriteLine($"demo: WebSocket failed: {e.Message}");
    return 2;
}

/// <summary>One line per message: the upgrade-path job's steps, nRF Cloud's job executions, the device's reported versions.</summary>
internal sealed class ProgressDisplay(Func<TimeSpan> elapsed)
{
    private const string Proto = "https://github.com/hello-nrfcloud/proto/";
    private string? lastAppVersion;
    private string? lastModem;
    private int step;
    private string? lastReported;

    /// <summary>Prints the message; returns the job's final status once it has one.</summary>
    public string? Show(JsonNode? message)
    {
        var context = message?["@context"]?.GetValue<string>() ?? "";
        switch (context)
        {
            case Proto + "deviceIdentity":
                Line($"connected      device {message!["id"]} (model {message["model"]})");
                return null;
            case Proto + "shadow":
                ShowState(message!);
                return null;
            case Proto + "fota/job-execution":
                Line($"  nRF Cloud    job {Short(message!["id"])} {Pad(message["status"], 11)} {message["statusDetail"]}");
                return null;
            case Proto + "fota/job":
                return ShowJob(message!);
            default:
                Line($"message        {message?.ToJsonString()}");
                return null;
        }
    }

    private string? ShowJob(JsonNode job)
    {
        var status = job["status"]?.GetValue<string>() ?? "?";
        var reported = job["reportedVersion"]?.GetValue<string>();
        if (status == "IN_PROGRESS" && reported != lastReported)
        {
            step++;
            lastReported = reported;
        }

        var label = status == "IN_PROGRESS" ? $"step {step}" : $"job {Short(job["id"])}";
        Line($"{Pad(label, 14)} {Pad(status, 11)} {job["statusDetail"]} (device at {reported})");
        return status is "SUCCEEDED" or "FAILED" ? status : null;
    }

    private void ShowState(JsonNode shadow)
    {
        foreach (var instance in shadow["reported"]?.AsArray() ?? [])
        {
            if (instance?["ObjectID"]?.GetValue<int>() != 14204)
            {
                continue;
            }

            var resources = instance["Resources"];
            var app = resources?["3"]?.GetValue<string>();
            var modem = resources?["2"]?.GetValue<string>();
            if (app != lastAppVersion || modem != lastModem)
            {
                Line($"  device       reports app {app}, modem {modem}");
                lastAppVersion = app;
                lastModem = modem;
            }
        }
    }

    private void Line(string text) => Console.WriteLine($"[{elapsed().TotalSeconds,6:0.0}s] {text}");

    private static string Pad(object? value, int width) => (value?.ToString() ?? "").PadRight(width);

    private static string Short(JsonNode? id) => id?.GetValue<string>() is { Length: > 8 } s ? s[^8..] : id?.ToString() ?? "";
}
