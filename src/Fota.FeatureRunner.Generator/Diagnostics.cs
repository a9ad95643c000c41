using Microsoft.CodeAnalysis;

namespace Fota.FeatureRunner.Generator;

/// <summary>The generator's diagnostics (listed in src/Fota.FeatureRunner/README.md).</summary>
internal static class Diagnostics
{
    /// <summary>A feature file that does not parse: an error at the parser's line and column.</summary>
    public static readonly DiagnosticDescriptor ParseError = new(
        "FEATURE001",
        "Feature file does not parse",
        "{0}",
        "Gherkin",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The Gherkin parser rejected the feature file; nothing is generated for it. Set FeatureRunnerParseErrors to 'warning' to get a warning and one failing test instead.");

    /// <summary>The same, when the project chose warnings (<c>FeatureRunnerParseErrors=warning</c>).</summary>
    public static readonly DiagnosticDescriptor ParseWarning = new(
        "FEATURE002",
        "Feature file does not parse",
        "{0}",
        "Gherkin",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The Gherkin parser rejected the feature file; it is one failing test that carries the parser's messages.");
}
