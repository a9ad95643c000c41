using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fota.FeatureRunner.Generator;

/// <summary>
/// Turns every <c>*.feature</c> in <c>AdditionalFiles</c> into an xUnit v3 test class: one test per scenario and
/// per outline example row. Each feature is generated on its own, so changing one regenerates only that one.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureTestsGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (the generator tests check what was recomputed).</summary>
    public const string FeatureInputStep = "FeatureInput";

    public const string GeneratedFeatureStep = "GeneratedFeature";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(post => post.AddSource("FeatureRunner.g.cs", SourceText.From(TestClassWriter.AssemblyLevel, System.Text.Encoding.UTF8)));

        var reqnrollJson = context.AdditionalTextsProvider
            .Where(text => string.Equals(Path.GetFileName(text.Path), "reqnroll.json", StringComparison.OrdinalIgnoreCase))
            .Select((text, cancellationToken) => text.GetText(cancellationToken)?.ToString() ?? "")
            .Collect();
        var settings = context.AnalyzerConfigOptionsProvider
            .Combine(reqnrollJson)
            .Select((pair, _) => GeneratorSettings.From(pair.Left, pair.Right));

        var inputs = context.AdditionalTextsProvider
            .Where(text => text.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase) || Parsing.ParsedFeature.IsMarkdown(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => FeatureInput.Of(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .WithTrackingName(FeatureInputStep);

        // needs/order/run of the Markdown features: the one thing a feature's class depends on besides its own file.
        var graph = inputs
            .Where(input => Parsing.ParsedFeature.IsMarkdown(input.Path))
            .Select((input, _) => FeatureNode.Of(input))
            .Collect()
            .Select((nodes, _) => new FeatureGraph(nodes));

        var features = inputs
            .Combine(settings)
            .Combine(graph)
            .Select((pair, cancellationToken) => GeneratedFeature.Generate(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(GeneratedFeatureStep);

        context.RegisterSourceOutput(features, (output, feature) =>
        {
            foreach (var problem in feature.Problems)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
            }

            if (feature.Source is { } source)
            {
                output.AddSource(feature.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });
    }
}

/// <summary>One feature file as the generator sees it: path, text and whether it gets test methods.</summary>
internal sealed class FeatureInput(string path, string text, bool testClass) : IEquatable<FeatureInput>
{
    /// <summary>Item metadata: <c>FeatureRunnerTestClass="false"</c> compiles the feature for <c>ScenarioRunner</c> only.</summary>
    public const string TestClassMetadata = "build_metadata.AdditionalFiles.FeatureRunnerTestClass";

    public string Path { get; } = path;

    public string Text { get; } = text;

    public bool TestClass { get; } = testClass;

    public static FeatureInput Of(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var testClass = !options.TryGetValue(TestClassMetadata, out var value) || !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        return new FeatureInput(file.Path, file.GetText(cancellationToken)?.ToString() ?? "", testClass);
    }

    public bool Equals(FeatureInput? other) =>
        other is not null && Path == other.Path && Text == other.Text && TestClass == other.TestClass;

    public override bool Equals(object? obj) => Equals(obj as FeatureInput);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);
}

/// <summary>The generated source of one feature (null when it does not parse) and the diagnostics to report.</summary>
internal sealed class GeneratedFeature(string hintName, string? source, ImmutableArray<Problem> problems) : IEquatable<GeneratedFeature>
{
    public string HintName { get; } = hintName;

    public string? Source { get; } = source;

    public ImmutableArray<Problem> Problems { get; } = problems;

    public static GeneratedFeature Generate(FeatureInput input, GeneratorSettings settings, FeatureGraph graph, System.Threading.CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = FeatureModel.Build(input, settings, graph);
        var hintName = model.Namespace + "." + model.ClassName + ".g.cs";
        if (model.Problems.Count == 0)
        {
            return new GeneratedFeature(hintName, TestClassWriter.Write(model), ImmutableArray<Problem>.Empty);
        }

        var descriptor = settings.ParseErrorsAsWarnings ? Diagnostics.ParseWarning : Diagnostics.ParseError;
        var problems = model.Problems
            .Select(problem => new Problem(descriptor.Id == Diagnostics.ParseWarning.Id, input.Path, (int)problem.Line, (int)problem.Column, problem.Message))
            .ToImmutableArray();
        return new GeneratedFeature(hintName, settings.ParseErrorsAsWarnings ? TestClassWriter.Write(model) : null, problems);
    }

    public bool Equals(GeneratedFeature? other) =>
        other is not null && HintName == other.HintName && Source == other.Source && Problems.SequenceEqual(other.Problems);

    public override bool Equals(object? obj) => Equals(obj as GeneratedFeature);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(HintName);
}

/// <summary>A parse problem at a 1-based line and column of a file.</summary>
internal sealed class Problem(bool warning, string path, int line, int column, string message) : IEquatable<Problem>
{
    public bool Warning { get; } = warning;

    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Message { get; } = message;

    public Diagnostic ToDiagnostic()
    {
        var start = new LinePosition(Math.Max(Line - 1, 0), Math.Max(Column - 1, 0));
        var location = Location.Create(Path, default, new LinePositionSpan(start, start));
        return Diagnostic.Create(Warning ? Diagnostics.ParseWarning : Diagnostics.ParseError, location, Message);
    }

    public bool Equals(Problem? other) =>
        other is not null && Warning == other.Warning && Path == other.Path && Line == other.Line && Column == other.Column && Message == other.Message;

    public override bool Equals(object? obj) => Equals(obj as Problem);

    public override int GetHashCode() => Line;
}
