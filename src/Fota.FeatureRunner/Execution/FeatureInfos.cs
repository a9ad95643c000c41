using System.Globalization;
using System.Runtime.CompilerServices;
using Fota.FeatureRunner.Parsing;
using Fota.FeatureRunner.Reporting;
using Reqnroll;

namespace Fota.FeatureRunner.Execution;

/// <summary>Reqnroll's view of a feature: one <see cref="FeatureInfo"/> per parsed feature file.</summary>
internal static class FeatureInfos
{
    private static readonly ConditionalWeakTable<ParsedFeature, FeatureInfo> Reported = [];

    /// <summary>The feature as it appears in the living documentation (same instance every time).</summary>
    public static FeatureInfo ForReport(ParsedFeature feature, string? title = null) =>
        Reported.GetValue(feature, f =>
        {
            var reportedTitle = title ?? f.Feature.Name;
            ReportedFeatures.Add(f, reportedTitle);
            return Create(f, reportedTitle, new FeatureMessages(f));
        });

    /// <summary>
    /// A fresh feature for a run kept out of the living documentation. Reqnroll's formatters track features
    /// by title and skip those without one, so the title is empty.
    /// </summary>
    public static FeatureInfo Unreported(ParsedFeature feature) => Create(feature, "", NoFeatureMessages.Instance);

    private static FeatureInfo Create(ParsedFeature feature, string title, Reqnroll.Formatters.RuntimeSupport.IFeatureLevelCucumberMessages messages)
    {
        var folder = Path.GetDirectoryName(feature.DisplayPath)?.Replace('\\', '/') ?? "";
        return new FeatureInfo(
            Culture(feature.Feature.Language),
            folder,
            title,
            feature.Feature.Description?.Trim() ?? "",
            ProgrammingLanguage.CSharp,
            feature.Feature.Tags.Select(tag => tag.Name.TrimStart('@')).ToArray(),
            messages);
    }

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
