using Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Parsing;

/// <summary>Readable test names: <c>Feature: Scenario</c>, plus <c>[row values]</c> for outline examples.</summary>
internal static class ScenarioNaming
{
    public static string For(ParsedFeature feature, Pickle pickle)
    {
        var name = $"{feature.Feature.Name}: {pickle.Name}";
        return feature.ExampleOf(pickle) is { } example
            ? $"{name} [{string.Join(", ", example.Row.Cells.Select(cell => cell.Value))}]"
            : name;
    }
}
