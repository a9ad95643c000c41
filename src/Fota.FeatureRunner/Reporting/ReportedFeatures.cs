using System.Collections.Concurrent;
using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// What the living documentation needs to know about the features it reports, beyond Reqnroll's messages: each
/// feature's title (by its path) and where each pickle step is written (by its message id, unique across features).
/// </summary>
internal static class ReportedFeatures
{
    private static readonly ConcurrentDictionary<string, string> TitlesByPath = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, StepLocation> StepsById = new(StringComparer.Ordinal);

    public static void Add(ParsedFeature feature, string title)
    {
        TitlesByPath[feature.DisplayPath] = title;
        foreach (var pickle in feature.Pickles)
        {
            foreach (var step in pickle.Steps)
            {
                StepsById[step.Id] = new StepLocation(feature.DisplayPath, feature.AstStep(step).Location.Line, pickle.Name);
            }
        }
    }

    /// <summary>The feature's title, or its path when it has none.</summary>
    public static string TitleOf(string path) =>
        TitlesByPath.TryGetValue(path, out var title) && title.Trim().Length > 0 ? title.Trim() : path;

    public static StepLocation? StepOf(string? pickleStepId) =>
        pickleStepId is not null && StepsById.TryGetValue(pickleStepId, out var location) ? location : null;
}

/// <summary>A step's place in its feature file.</summary>
internal sealed record StepLocation(string Path, long Line, string Scenario);
