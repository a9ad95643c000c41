using Fota.FeatureRunner.Discovery;

namespace Fota.FeatureRunner;

/// <summary>Turns every <c>*.feature</c> below a folder into xUnit theory rows, one per pickle.</summary>
public static class FeatureDiscovery
{
    /// <summary>Tag that reports a scenario as skipped.</summary>
    public const string IgnoreTag = "ignore";

    /// <summary>The trait that carries tags, so that <c>dotnet test --filter Category=smoke</c> selects by tag.</summary>
    public const string TagTrait = "Category";

    /// <summary>The trait that carries the feature's name.</summary>
    public const string FeatureTrait = "Feature";

    /// <summary>
    /// One row per scenario (pickle) of every feature file below <paramref name="featuresFolder"/>
    /// (relative folders are taken from the test output folder). A file that does not parse gives one
    /// row that fails with the parser's message.
    /// </summary>
    public static IReadOnlyList<TheoryDataRow<FeatureScenario>> FromFolder(string featuresFolder)
    {
        var rows = Scenarios(featuresFolder).Select(ToRow).ToList();
        if (rows.Count == 0)
        {
            var none = new FeatureScenario(featuresFolder, "", -1, $"No feature files in {featuresFolder}", parseError: null);
            rows.Add(new TheoryDataRow<FeatureScenario>(none)
            {
                TestDisplayName = none.DisplayName,
                Skip = $"No *.feature file was found below {FeatureFolders.Resolve(featuresFolder)}",
            });
        }

        return rows;
    }

    /// <summary>The scenarios of every feature file below the folder, in file then pickle order.</summary>
    public static IEnumerable<FeatureScenario> Scenarios(string featuresFolder) =>
        FeatureFolders.FeatureFiles(FeatureFolders.Resolve(featuresFolder))
            .SelectMany(relativePath => ScenariosOf(featuresFolder, relativePath));

    private static IEnumerable<FeatureScenario> ScenariosOf(string featuresFolder, string relativePath)
    {
        ParsedFeature feature;
        try
        {
            feature = FeatureCatalog.Load(featuresFolder, relativePath);
        }
        catch (FeatureParseException e)
        {
            var displayPath = FeatureFolders.DisplayPath(featuresFolder, relativePath);
            return [new FeatureScenario(featuresFolder, relativePath, -1, $"{displayPath} (does not parse)", e.Message)];
        }

        return feature.Pickles.Select((pickle, index) =>
            new FeatureScenario(featuresFolder, relativePath, index, ScenarioNaming.For(feature, pickle), parseError: null));
    }

    /// <summary>Tags of a scenario without <c>@</c>: the feature's, rule's, scenario's and examples' tags.</summary>
    public static IReadOnlyList<string> TagsOf(FeatureScenario scenario) =>
        scenario.PickleIndex < 0
            ? []
            : ParsedFeature.TagNames(FeatureCatalog.Load(scenario.FeaturesFolder, scenario.RelativePath).Pickles[scenario.PickleIndex].Tags);

    /// <summary>Why a scenario is skipped (<c>@ignore</c>), or null.</summary>
    public static string? SkipReasonOf(FeatureScenario scenario) =>
        TagsOf(scenario).Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase)
            ? $"Ignored: the scenario is tagged @{IgnoreTag} ({scenario.DisplayPath})"
            : null;

    private static TheoryDataRow<FeatureScenario> ToRow(FeatureScenario scenario)
    {
        // @ignore scenarios are not skipped here: the run skips them through Reqnroll, so that the living
        // documentation lists them as skipped.
        var row = new TheoryDataRow<FeatureScenario>(scenario) { TestDisplayName = scenario.DisplayName };
        foreach (var tag in TagsOf(scenario))
        {
            AddTrait(row, TagTrait, tag);
        }

        if (scenario.PickleIndex >= 0)
        {
            AddTrait(row, FeatureTrait, FeatureCatalog.Load(scenario.FeaturesFolder, scenario.RelativePath).Feature.Name);
        }

        return row;
    }

    private static void AddTrait(TheoryDataRowBase row, string name, string value)
    {
        if (!row.Traits.TryGetValue(name, out var values))
        {
            values = new HashSet<string>(StringComparer.Ordinal);
            row.Traits[name] = values;
        }

        values.Add(value);
    }
}
