extern alias GeneratorAssembly;

using System.Collections.Immutable;
using GeneratorAssembly::Fota.FeatureRunner.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fota.FeatureRunner.Tests;

/// <summary>The generator driven by Roslyn's generator driver, on features given in memory.</summary>
public sealed partial class GeneratorTests
{
    private const string Root = "/repo/tests/Sample";

    private const string Fine = """
        Feature: Fine
          Scenario: One
            Given a step
        """;

    private static GeneratorDriver Driver(IReadOnlyDictionary<string, string>? properties = null, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new FeatureTestsGenerator().AsSourceGenerator()],
            files,
            optionsProvider: new Options(properties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static GeneratorDriverRunResult Run(GeneratorDriver driver) =>
        driver.RunGenerators(CSharpCompilation.Create("Sample"), TestContext.Current.CancellationToken).GetRunResult();

    private static InMemoryFile Feature(string relativePath, string text) => new($"{Root}/{relativePath}", text);

    [Fact]
    public void A_feature_that_does_not_parse_is_a_compiler_error_at_its_line_and_column_and_generates_nothing()
    {
        var result = Run(Driver(null, Feature("features/Broken.feature", "Feature: Broken\n\n  Scenario: Fine so far\n    Given a step\n  This line is not Gherkin\n")));

        var error = result.Diagnostics.Should().ContainSingle().Which;
        error.Id.Should().Be("FEATURE001");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.Should().Be($"{Root}/features/Broken.feature");
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).Should().Be((5, 3));
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("got 'This line is not Gherkin'");
        result.GeneratedTrees.Should().ContainSingle("only the assembly-level file").Which.FilePath.Should().EndWith("FeatureRunner.g.cs");
    }

    [Fact]
    public void With_parse_errors_as_warnings_a_broken_feature_is_a_warning_and_one_failing_test()
    {
        var result = Run(Driver(
            new Dictionary<string, string> { ["FeatureRunnerParseErrors"] = "warning", ["FeatureRunnerRoot"] = Root },
            Feature("features/Broken.feature", "Feature: Broken\n  Scenario: One\n    Given a step\n  This line is not Gherkin\n")));

        result.Diagnostics.Should().ContainSingle().Which.Severity.Should().Be(DiagnosticSeverity.Warning);
        var source = result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("BrokenFeature.g.cs", StringComparison.Ordinal)).ToString();
        source.Should().Contain("DisplayName = \"features/Broken.feature (does not parse)\"")
            .And.Contain("throw new global::Fota.FeatureRunner.FeatureParseException(\"Feature file features/Broken.feature does not parse:\\nfeatures/Broken.feature(4,3):");
    }

    [Fact]
    public void Changing_one_feature_regenerates_only_that_feature()
    {
        var a = Feature("features/A.feature", Fine.Replace("Fine", "A", StringComparison.Ordinal));
        var b = Feature("features/B.feature", Fine.Replace("Fine", "B", StringComparison.Ordinal));
        var driver = Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, a, b).RunGenerators(CSharpCompilation.Create("Sample"), TestContext.Current.CancellationToken);

        var changed = driver.ReplaceAdditionalText(a, Feature("features/A.feature", Fine.Replace("Fine", "A changed", StringComparison.Ordinal)));
        var result = changed.RunGenerators(CSharpCompilation.Create("Sample"), TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[FeatureTestsGenerator.GeneratedFeatureStep]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
        reasons.Should().BeEquivalentTo([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], "A is regenerated, B comes from the cache");
        result.GeneratedSources.Single(source => source.HintName.EndsWith("AFeature.g.cs", StringComparison.Ordinal))
            .SourceText.ToString().Should().Contain("A changed: One");
    }

    [Fact]
    public void Reqnroll_json_sets_the_default_language_and_the_tags_that_keep_a_feature_serial()
    {
        var config = new InMemoryFile($"{Root}/reqnroll.json", """{ "language": { "feature": "de-DE" }, "generator": { "addNonParallelizableMarkerForTags": ["@db"] } }""");
        var german = Feature("features/Zahlen.feature", "@db\nFunktionalität: Zahlen\n  Szenario: Eins\n    Angenommen ein Schritt\n");

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root, ["RootNamespace"] = "Sample" }, config, german));

        result.Diagnostics.Should().BeEmpty("de-DE falls back to Gherkin's de dialect");
        var source = result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("ZahlenFeature.g.cs", StringComparison.Ordinal)).ToString();
        source.Should().Contain("namespace Sample.Features")
            .And.Contain("DisplayName = \"Zahlen: Eins\"")
            .And.Contain("[global::Xunit.Collection(global::Fota.FeatureRunner.CompiledFeatureAttribute.NonParallelizableCollection)]")
            .And.Contain("new(\"features/Zahlen.feature\", \"de-DE\",");
    }

    [Fact]
    public void Every_step_call_carries_a_line_directive_to_its_feature_line()
    {
        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, Feature("features/Fine.feature", Fine)));

        var source = result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("FineFeature.g.cs", StringComparison.Ordinal)).ToString();
        source.Should().Contain($"#line 3 \"{Root}/features/Fine.feature\"{Environment.NewLine}            await scenario.StepAsync(0);");
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } =
            new Values(properties.ToImmutableDictionary(pair => "build_property." + pair.Key, pair => pair.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.None;
    }

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Values None = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
