using Fota.FeatureRunner.Parsing;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// What Reqnroll's generator would embed in the code-behind: the feature's source, Gherkin document and
/// pickles, so the html and message formatters can render the living documentation.
/// </summary>
internal sealed class FeatureMessages(ParsedFeature feature) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public Source Source => feature.Source;

    public GherkinDocument GherkinDocument => feature.Document;

    public IEnumerable<Pickle> Pickles => feature.Pickles;
}

/// <summary>For runs that must not appear in the living documentation.</summary>
internal sealed class NoFeatureMessages : IFeatureLevelCucumberMessages
{
    public static readonly NoFeatureMessages Instance = new();

    public bool HasMessages => false;

    public Source? Source => null;

    public GherkinDocument? GherkinDocument => null;

    public IEnumerable<Pickle> Pickles => [];
}
