using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Simulator;

namespace MockNrfCloud.Tests.Simulator;

/// <summary>The simulator with 10 000 devices and jobs in one account, driven directly (no HTTP): every job completes
/// and every device reports, read in batches of 100 ids as the service reads them. Nothing is timed in an assertion;
/// the elapsed time is written to the test output for the README.</summary>
public sealed class SimulatorScaleTests(ITestOutputHelper output)
{
    private const int Devices = 10_000;
    private const string Key = "scale-key";

    [Fact]
    public void Ten_thousand_devices_each_with_a_job_all_complete_and_report()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        var simulator = new NrfCloudSimulator(new SimulatorOptions { StepDelay = TimeSpan.FromSeconds(1), ReportDelay = TimeSpan.FromSeconds(1) }, clock);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Devices; i++)
        {
            Call(simulator, "POST", "/v1/fota-jobs", body: $$"""{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["device-{{i}}"]}""").StatusCode.Should().Be(200);
        }

        var created = watch.Elapsed;
        clock.Advance(TimeSpan.FromSeconds(3));
        watch.Restart();
        var reported = 0;
        for (var batch = 0; batch < Devices / 100; batch++)
        {
            var ids = string.Join(',', Enumerable.Range(batch * 100, 100).Select(i => $"device-{i}"));
            var answer = Call(simulator, "GET", "/v1/devices", $"includeState=true&includeStateMeta=true&pageLimit=100&deviceIds={ids}");
            var items = JsonNode.Parse(answer.Body)!["items"]!.AsArray();
            items.Should().HaveCount(100);
            reported += items.Count(d => d!["state"]!["reported"]!["device"]!["deviceInfo"]!["appVersion"]!.GetValue<string>() == "2.0.1");
        }

        var read = watch.Elapsed;
        watch.Restart();
        var completed = 0;
        string? token = null;
        do
        {
            var page = JsonNode.Parse(Call(simulator, "GET", "/v1/fota-jobs", "pageLimit=100" + (token is null ? string.Empty : $"&pageNextToken={Uri.EscapeDataString(token)}")).Body)!;
            completed += page["items"]!.AsArray().Count(j => j!["status"]!.GetValue<string>() == "COMPLETED");
            token = page["pageNextToken"]?.GetValue<string>();
        }
        while (token is not null);

        reported.Should().Be(Devices);
        completed.Should().Be(Devices);
        output.WriteLine($"{Devices} creates: {created.TotalMilliseconds:F0} ms; {Devices / 100} device reads of 100: {read.TotalMilliseconds:F0} ms; jobs list ({Devices / 100} pages): {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static SimulatedAnswer Call(NrfCloudSimulator simulator, string method, string path, string query = "", string body = "") =>
        simulator.Answer(Key, new RecordedRequest(DateTimeOffset.UtcNow, method, path, query, new Dictionary<string, string>(), body, null));
}
