namespace Fota.FeatureRunner.Discovery;

/// <summary>Where feature files live and how their paths are shown.</summary>
internal static class FeatureFolders
{
    /// <summary>A relative folder is taken relative to the test output folder (features are copied there).</summary>
    public static string Resolve(string featuresFolder) =>
        Path.IsPathRooted(featuresFolder)
            ? featuresFolder
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, featuresFolder));

    public static string DisplayPath(string featuresFolder, string relativePath)
    {
        var folder = Path.IsPathRooted(featuresFolder)
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(featuresFolder))
            : featuresFolder.Replace('\\', '/').TrimEnd('/');
        return $"{folder}/{relativePath}";
    }

    public static IEnumerable<string> FeatureFiles(string absoluteFolder) =>
        Directory.Exists(absoluteFolder)
            ? Directory.EnumerateFiles(absoluteFolder, "*.feature", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(absoluteFolder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];
}
