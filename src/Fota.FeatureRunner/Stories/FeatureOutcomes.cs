using System.Collections.Concurrent;

namespace Fota.FeatureRunner.Stories;

/// <summary>
/// Which features of the run had a failing scenario, by title: a Markdown feature that <c>needs</c> one of them is
/// skipped, as the dialect's runner skips dependents of a failed feature.
/// </summary>
internal static class FeatureOutcomes
{
    private static readonly ConcurrentDictionary<string, string> Failures = new(StringComparer.Ordinal);

    public static void Failed(string title, string scenario) => Failures.TryAdd(title, scenario);

    /// <summary>Why a feature that needs <paramref name="needs"/> must not run, or null.</summary>
    public static string? FailedNeed(IEnumerable<string> needs) =>
        needs.Select(title => Failures.TryGetValue(title, out var scenario) ? $"it needs '{title}', whose scenario '{scenario}' failed" : null)
            .FirstOrDefault(reason => reason is not null);
}
