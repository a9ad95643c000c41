using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fota.FeatureRunner.Generator;

/// <summary>
/// What applies to every feature of the project: MSBuild properties (made visible by the runner's props) and
/// the parts of <c>reqnroll.json</c> that change the generated code.
/// </summary>
internal sealed class GeneratorSettings : IEquatable<GeneratorSettings>
{
    /// <summary>The tag that keeps a feature out of the parallel pool even when reqnroll.json lists none.</summary>
    public const string NonParallelizableTag = "nonparallelizable";

    public GeneratorSettings(string rootNamespace, string root, bool parseErrorsAsWarnings, string language, IEnumerable<string> nonParallelizableTags)
    {
        RootNamespace = rootNamespace;
        Root = root;
        ParseErrorsAsWarnings = parseErrorsAsWarnings;
        Language = language;
        NonParallelizableTags = nonParallelizableTags.Select(tag => tag.TrimStart('@')).Append(NonParallelizableTag)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(tag => tag, StringComparer.Ordinal).ToImmutableArray();
    }

    public string RootNamespace { get; }

    /// <summary>The folder feature paths are shown relative to (<c>FeatureRunnerRoot</c>, by default the project folder).</summary>
    public string Root { get; }

    public bool ParseErrorsAsWarnings { get; }

    /// <summary>The language of feature files without a <c># language:</c> line (reqnroll.json <c>language.feature</c>).</summary>
    public string Language { get; }

    /// <summary>Feature tags (without @) that keep a feature out of the parallel pool.</summary>
    public ImmutableArray<string> NonParallelizableTags { get; }

    public static GeneratorSettings From(AnalyzerConfigOptionsProvider options, ImmutableArray<string> reqnrollJsonTexts)
    {
        var global = options.GlobalOptions;
        string Property(string name) =>
            global.TryGetValue("build_property." + name, out var value) ? value.Trim() : "";

        var config = reqnrollJsonTexts.Length > 0 ? ReqnrollJson.Read(reqnrollJsonTexts[0]) : ReqnrollJson.Empty;
        var rootNamespace = Property("RootNamespace");
        return new GeneratorSettings(
            rootNamespace.Length > 0 ? rootNamespace : "Features",
            Property("FeatureRunnerRoot").Length > 0 ? Property("FeatureRunnerRoot") : Property("MSBuildProjectDirectory"),
            string.Equals(Property("FeatureRunnerParseErrors"), "warning", StringComparison.OrdinalIgnoreCase),
            config.FeatureLanguage ?? "en-US",
            config.NonParallelizableTags);
    }

    public bool Equals(GeneratorSettings? other) =>
        other is not null
        && RootNamespace == other.RootNamespace
        && Root == other.Root
        && ParseErrorsAsWarnings == other.ParseErrorsAsWarnings
        && Language == other.Language
        && NonParallelizableTags.SequenceEqual(other.NonParallelizableTags);

    public override bool Equals(object? obj) => Equals(obj as GeneratorSettings);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RootNamespace + "|" + Root + "|" + Language);
}
