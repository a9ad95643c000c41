using System.Collections.Concurrent;

namespace Fota.FeatureRunner.Stories;

/// <summary>
/// Which features of the run had a failing scenario, by path (titles may repeat in other folders): a Markdown feature
/// that <c>needs</c> one of them is skipped, as the dialect's runner skips dependents of a failed feature.
/// </summary>
internal static class FeatureOutcomes
{
    private static readonly ConcurrentDictionary<string, string> Failures = new(StringComparer.Ordinal);

    public static void Failed(FeatureDefinition feature, string scenario) => Failures.TryAdd(feature.Path, scenario);

    /// <summary>Why <paramref name="feature"/> must not run because a feature it needs failed, or null.</summary>
    public static string? FailedNeed(FeatureDefinition feature) =>
        feature.Parsed.FrontMatter.Needs.Zip(feature.Needs, (title, path) => Failures.TryGetValue(path, out var scenario)
                ? $"it needs '{title}', whose scenario '{scenario}' failed"
                : null)
            .FirstOrDefault(reason => reason is not null);
}
