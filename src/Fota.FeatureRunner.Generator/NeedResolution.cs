namespace Fota.FeatureRunner.Generator;

/// <summary>
/// Which feature a <c>needs:</c> title names when several features have that title: the nearest one — in the needing
/// feature's own folder first, then in its parent folders going up, then anywhere else. Two equally near features
/// are ambiguous (an error naming both), never a silent pick.
/// </summary>
internal sealed class NeedResolution
{
    private NeedResolution(FeatureNode? feature, IReadOnlyList<FeatureNode> ambiguous)
    {
        Feature = feature;
        Ambiguous = ambiguous;
    }

    /// <summary>The feature the title names, or null when none or several equally near ones have it.</summary>
    public FeatureNode? Feature { get; }

    /// <summary>The equally near features that have the title (empty unless the title is ambiguous).</summary>
    public IReadOnlyList<FeatureNode> Ambiguous { get; }

    public static NeedResolution Resolve(FeatureNode needing, IReadOnlyList<FeatureNode> titled)
    {
        if (titled.Count == 0)
        {
            return new NeedResolution(null, Array.Empty<FeatureNode>());
        }

        var folder = FolderOf(needing.Path);
        var nearest = titled
            .GroupBy(candidate => LevelsUp(folder, FolderOf(candidate.Path)))
            .OrderBy(group => group.Key)
            .First()
            .ToList();
        return nearest.Count == 1
            ? new NeedResolution(nearest[0], Array.Empty<FeatureNode>())
            : new NeedResolution(null, nearest);
    }

    /// <summary>0 for the same folder, 1 for the parent, …; int.MaxValue when <paramref name="candidate"/> is not one of them.</summary>
    private static int LevelsUp(string[] folder, string[] candidate) =>
        candidate.Length <= folder.Length && candidate.SequenceEqual(folder.Take(candidate.Length), StringComparer.Ordinal)
            ? folder.Length - candidate.Length
            : int.MaxValue;

    /// <summary>The folders of a file's path, outermost first (<c>..</c> resolved, as MSBuild globs keep it).</summary>
    private static string[] FolderOf(string path)
    {
        var parts = FeatureModel.Normalize(path).Split('/');
        return parts.Take(parts.Length - 1).ToArray();
    }
}
