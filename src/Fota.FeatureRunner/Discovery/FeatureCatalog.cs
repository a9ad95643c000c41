using System.Collections.Concurrent;

namespace Fota.FeatureRunner.Discovery;

/// <summary>Parses each feature file once per process (discovery and execution share the result).</summary>
internal static class FeatureCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<ParsedFeature>> Features = new(StringComparer.Ordinal);

    public static ParsedFeature Load(string featuresFolder, string relativePath)
    {
        var absolutePath = Path.Combine(FeatureFolders.Resolve(featuresFolder), relativePath);
        var displayPath = FeatureFolders.DisplayPath(featuresFolder, relativePath);
        return Features.GetOrAdd(
            absolutePath,
            path => new Lazy<ParsedFeature>(() => ParsedFeature.Parse(path, displayPath))).Value;
    }
}
