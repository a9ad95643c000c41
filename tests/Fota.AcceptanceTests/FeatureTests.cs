using Fota.FeatureRunner;

[assembly: AssemblyFixture(typeof(FeatureRunFixture))]
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(FeatureRunnerPlugin))]

namespace Fota.AcceptanceTests;

/// <summary>Every scenario of <c>features/**/*.feature</c> as one xUnit test case, run by Reqnroll.</summary>
[TestCaseOrderer(typeof(FeatureScenarioOrderer))]
public sealed class FeatureTests(ITestOutputHelper output)
{
    public static IEnumerable<TheoryDataRow<FeatureScenario>> Scenarios => FeatureDiscovery.FromFolder("features");

    [ScenarioTheory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(FeatureScenario scenario) => ScenarioRunner.RunAsync(scenario, output);
}
