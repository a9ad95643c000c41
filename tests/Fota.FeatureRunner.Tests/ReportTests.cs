using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fota.FeatureRunner.Tests;

/// <summary>
/// The living documentation is written when Reqnroll's test run ends, i.e. when this test assembly finishes.
/// So the test runs the sample features in a child run of this very test assembly (xUnit v3 test projects are
/// executables) with the formatters pointed at a temporary folder, and reads what it wrote.
/// </summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fota-living-doc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_run_writes_html_and_messages_with_every_reported_feature_scenario_step_and_outcome()
    {
        var html = Path.Combine(_folder, "living-doc.html");
        var ndjson = Path.Combine(_folder, "living-doc.ndjson");
        await RunSampleFeaturesInChildProcessAsync(html, ndjson);

        var envelopes = File.ReadLines(ndjson).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        List<JsonNode> Of(string kind) => envelopes.Where(e => e.ContainsKey(kind)).Select(e => e[kind]!).ToList();

        Of("gherkinDocument").Select(d => (string)d["uri"]!).Should().BeEquivalentTo(
            "samples/passing/Calculator.feature", "samples/passing/nested/deeper/Fresh.feature");
        Of("pickle").Select(p => (string)p["name"]!).Should().Contain(
            ["Add two numbers", "Add 500 to itself", "Hooks ran before the steps", "Ignored scenario", "Every scenario starts from zero"]);
        Of("testCaseFinished").Should().HaveCount(9, "every scenario, the ignored one included, was run through Reqnroll, and unreported runs are left out");
        ((bool)Of("testRunFinished").Single()["success"]!).Should().BeTrue("the failing unreported runs do not count");

        var statuses = Of("testStepFinished").Select(f => (string)f["testStepResult"]!["status"]!).ToList();
        statuses.Where(s => s == "PASSED").Should().HaveCount(28, "the steps of the 8 scenarios that ran, Background included");
        statuses.Where(s => s == "SKIPPED").Should().HaveCount(2, "the @ignore scenario is reported with its steps skipped");
        statuses.Should().HaveCount(30);
        Of("testStepFinished").Should().OnlyContain(f => f["testStepResult"]!["duration"] != null, "durations are reported");

        var ids = Of("pickle").Select(p => (string)p["id"]!)
            .Concat(Of("pickle").SelectMany(p => p["steps"]!.AsArray().Select(s => (string)s!["id"]!)))
            .ToList();
        ids.Should().OnlyHaveUniqueItems("message ids are unique across features");

        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        page.Should().Contain("ten, as expected", "doc strings are in the report")
            .And.Contain("Every scenario starts from zero")
            .And.NotContain("<script src=\"http", "the report works offline");
    }

    private static async Task RunSampleFeaturesInChildProcessAsync(string html, string ndjson)
    {
        var formatters = new JsonObject
        {
            ["formatters"] = new JsonObject
            {
                ["html"] = new JsonObject { ["outputFilePath"] = html },
                ["message"] = new JsonObject { ["outputFilePath"] = ndjson },
            },
        };
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REQNROLL_FORMATTERS"] = formatters.ToJsonString(JsonSerializerOptions.Default) },
        };
        start.ArgumentList.Add(typeof(ReportTests).Assembly.Location);
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(SampleFeatureTests).FullName!);

        // Unreported runs (failing ones included) happen alongside and must leave no trace in the report.
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(ExecutionTests).FullName!);

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        child.ExitCode.Should().Be(0, $"the sample features pass:{Environment.NewLine}{await output}{await errors}");
        File.Exists(html).Should().BeTrue();
        File.Exists(ndjson).Should().BeTrue();
    }
}
