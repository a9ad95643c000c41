using Gherkin.CucumberMessages;

namespace Fota.FeatureRunner.Parsing;

/// <summary>
/// Message ids that stay unique across features in one report: Gherkin's incrementing ids would repeat
/// in every feature, so each feature's ids carry the feature's path.
/// </summary>
internal sealed class PrefixedIdGenerator(string prefix) : IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{prefix}#{Interlocked.Increment(ref _next)}";
}
