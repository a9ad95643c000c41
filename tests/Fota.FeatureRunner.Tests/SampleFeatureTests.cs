namespace Fota.FeatureRunner.Tests;

/// <summary>The passing samples, run through xUnit exactly as the acceptance suite runs features/.</summary>
[TestCaseOrderer(typeof(FeatureScenarioOrderer))]
public sealed class SampleFeatureTests(ITestOutputHelper output)
{
    public const string Folder = "samples/passing";

    public static IEnumerable<TheoryDataRow<FeatureScenario>> Scenarios => FeatureDiscovery.FromFolder(Folder);

    [ScenarioTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario(FeatureScenario scenario)
    {
        TestContext.Current.Test!.TestDisplayName.Should().Be(scenario.DisplayName, "xUnit shows the scenario's own name");
        var tags = TestContext.Current.TestCase!.Traits.GetValueOrDefault("Category") ?? [];
        tags.Should().BeEquivalentTo(FeatureDiscovery.TagsOf(scenario), "tags are Category traits");

        await ScenarioRunner.RunAsync(scenario, output);
    }
}
