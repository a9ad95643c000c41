using Reqnroll;

namespace Fota.FeatureRunner;

/// <summary>
/// The directives of the running step, written in BDD-Markdown comments (<c>&lt;!-- @retry:tries=3,initialDelay=500 --&gt;</c>
/// before the step or its scenario) or front matter (<c>retry:</c>); the nearer one wins, property by property.
/// Bindings read them to honour them, e.g. <c>StepDirectives.Current(scenarioContext, "retry")</c>.
/// </summary>
public static class StepDirectives
{
    internal const string Key = "Fota.FeatureRunner.StepDirectives";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The properties of directive <paramref name="name"/> (without <c>@</c>) for the running step; empty when it has none.</summary>
    public static IReadOnlyDictionary<string, string> Current(ScenarioContext scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.TryGetValue(Key, out IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? directives)
            && directives is not null
            && directives.TryGetValue(name, out var properties)
            ? properties
            : None;
    }
}
