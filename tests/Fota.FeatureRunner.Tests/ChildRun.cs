using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fota.FeatureRunner.Tests.Bindings;
using Fota.FeatureRunner.Tests.Features;
using Fota.FeatureRunner.Tests.Features.Nested.Deeper;

namespace Fota.FeatureRunner.Tests;

/// <summary>
/// Hooks of the test run and the living documentation happen when a test assembly ends, so they are checked on a
/// child run of this very test assembly (xUnit v3 test projects are executables): the generated feature classes
/// (and the from-code runs of <see cref="ExecutionTests"/>, which must leave no trace in the report), with the
/// formatters and the hook log pointed at a temporary folder.
/// </summary>
public class ChildRun : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fota-child-run-").FullName;
    private readonly IReadOnlyList<Type> _classes;
    private readonly bool _failOnPurpose;

    public ChildRun()
        : this([.. FeatureClasses, typeof(ExecutionTests)], failOnPurpose: false)
    {
    }

    /// <summary>A child run of <paramref name="classes"/>; with <paramref name="failOnPurpose"/> it is expected to fail.</summary>
    protected ChildRun(IReadOnlyList<Type> classes, bool failOnPurpose)
    {
        _classes = classes;
        _failOnPurpose = failOnPurpose;
    }

    public static readonly Type[] FeatureClasses =
        [typeof(CalculatorFeature), typeof(FreshFeature), typeof(ParityFeature), typeof(GermanFeature), typeof(HookOrderFeature), typeof(IgnoredFeature), typeof(SerialFeature), typeof(OrderFeature)];

    public string Html => Path.Combine(_folder, "living-doc.html");

    public string Ndjson => Path.Combine(_folder, "living-doc.ndjson");

    public IReadOnlyList<string> HookLines { get; private set; } = [];

    public IReadOnlyList<JsonObject> Envelopes { get; private set; } = [];

    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var hookLog = Path.Combine(_folder, "hooks.log");
        var formatters = new JsonObject
        {
            ["formatters"] = new JsonObject
            {
                ["html"] = new JsonObject { ["outputFilePath"] = Html },
                ["message"] = new JsonObject { ["outputFilePath"] = Ndjson },
            },
        };
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["REQNROLL_FORMATTERS"] = formatters.ToJsonString(JsonSerializerOptions.Default),
                [HookLog.Variable] = hookLog,
                [ReportSteps.FailVariable] = _failOnPurpose ? "1" : "",
            },
        };
        start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        foreach (var featureClass in _classes)
        {
            start.ArgumentList.Add("-class");
            start.ArgumentList.Add(featureClass.FullName!);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        Output = await output + await errors;
        if (_failOnPurpose)
        {
            child.ExitCode.Should().NotBe(0, $"a step fails on purpose:{Environment.NewLine}{Output}");
        }
        else
        {
            child.ExitCode.Should().Be(0, $"the sample features pass:{Environment.NewLine}{Output}");
        }


        HookLines = File.Exists(hookLog) ? File.ReadAllLines(hookLog) : [];
        Envelopes = File.ReadLines(Ndjson).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    public List<JsonNode> Of(string kind) => Envelopes.Where(e => e.ContainsKey(kind)).Select(e => e[kind]!).ToList();

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
