using System.Collections.Concurrent;
using System.Reflection;
using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// The title a feature has in the living documentation. Reqnroll's formatters track features by title, so two
/// features with one title (a Gherkin feature and its BDD-Markdown form, say) would merge: those get their path
/// appended, <c>Device FOTA (features/DeviceFota.feature.md)</c>.
/// </summary>
internal static class ReportTitles
{
    private static readonly ConcurrentDictionary<Assembly, HashSet<string>> Duplicates = new();

    public static string For(Assembly testAssembly, ParsedFeature feature)
    {
        var duplicates = Duplicates.GetOrAdd(testAssembly, assembly => new HashSet<string>(
            CompiledFeatureAttribute.DefinitionsIn(assembly)
                .Select(TitleOf)
                .Where(title => title is not null)
                .GroupBy(title => title!, StringComparer.Ordinal)
                .Where(group => group.Count() > 1)
                .Select(group => group.Key),
            StringComparer.Ordinal));
        var title = feature.Feature.Name;
        return duplicates.Contains(title) ? $"{title} ({feature.DisplayPath})" : title;
    }

    private static string? TitleOf(FeatureDefinition definition)
    {
        try
        {
            return definition.Parsed.Feature.Name;
        }
        catch (FeatureParseException)
        {
            return null;
        }
    }
}
