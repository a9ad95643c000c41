using Xunit.Sdk;

namespace Fota.FeatureRunner.Tests;

public sealed class DiscoveryTests
{
    private static TheoryDataRow<FeatureScenario> Row(IEnumerable<TheoryDataRow<FeatureScenario>> rows, string name) =>
        rows.Single(row => row.TestDisplayName == name);

    [Fact]
    public void Every_pickle_of_every_nested_feature_file_is_one_test_named_feature_and_scenario()
    {
        var rows = FeatureDiscovery.FromFolder("samples/passing");

        rows.Select(row => row.TestDisplayName).Should().Equal(
            "Calculator: Add two numbers",
            "Calculator: Doc strings and tables reach the steps",
            "Calculator: Add 1 to itself [1, 2]",
            "Calculator: Add 2 to itself [2, 4]",
            "Calculator: Add 500 to itself [500, 1000]",
            "Calculator: Hooks ran before the steps",
            "Calculator: Step classes share the scenario's context",
            "Calculator: Ignored scenario",
            "Fresh state: Every scenario starts from zero");
        rows.Select(row => row.Data.DisplayPath).Distinct().Should().Equal(
            "samples/passing/Calculator.feature", "samples/passing/nested/deeper/Fresh.feature");
    }

    [Fact]
    public void Tags_of_feature_rule_scenario_and_examples_become_category_traits_without_the_at_sign()
    {
        var rows = FeatureDiscovery.FromFolder("samples/passing");

        Row(rows, "Calculator: Add two numbers").Traits["Category"].Should().BeEquivalentTo("calculator", "smoke");
        Row(rows, "Calculator: Add 1 to itself [1, 2]").Traits["Category"].Should().BeEquivalentTo("calculator", "outline", "small");
        Row(rows, "Calculator: Add 500 to itself [500, 1000]").Traits["Category"].Should().BeEquivalentTo("calculator", "outline");
        Row(rows, "Calculator: Hooks ran before the steps").Traits["Category"].Should().BeEquivalentTo("calculator", "hooked");
        Row(rows, "Fresh state: Every scenario starts from zero").Traits.Should().NotContainKey("Category");
        Row(rows, "Fresh state: Every scenario starts from zero").Traits["Feature"].Should().BeEquivalentTo("Fresh state");
    }

    [Fact]
    public void An_ignore_tag_marks_that_scenario_and_only_that_one_as_skipped()
    {
        var scenarios = FeatureDiscovery.Scenarios("samples/passing").ToList();

        FeatureDiscovery.SkipReasonOf(scenarios.Single(s => s.DisplayName == "Calculator: Ignored scenario")).Should().Contain("@ignore");
        scenarios.Where(s => s.DisplayName != "Calculator: Ignored scenario").Should().OnlyContain(s => FeatureDiscovery.SkipReasonOf(s) == null);
    }

    [Fact]
    public async Task Running_an_ignored_scenario_skips_the_xunit_test_without_running_its_steps()
    {
        var ignored = FeatureDiscovery.Scenarios("samples/passing").Single(s => s.DisplayName == "Calculator: Ignored scenario");

        var run = () => ScenarioRunner.RunAsync(ignored, new RecordingOutput());

        (await run.Should().ThrowAsync<SkipException>()).Which.Message.Should().Contain("@ignore");
    }

    [Fact]
    public async Task A_broken_feature_file_is_one_failing_test_with_the_parser_message_and_file_line()
    {
        var rows = FeatureDiscovery.FromFolder("samples/broken");

        rows.Select(row => row.TestDisplayName).Should().Equal(
            "samples/broken/Broken.feature (does not parse)", "Fine next to a broken one: Still discovered");
        var broken = rows[0].Data;
        broken.ParseError.Should().Contain("samples/broken/Broken.feature:5:").And.Contain("got 'This line is not Gherkin'");

        var run = () => ScenarioRunner.RunAsync(broken);
        (await run.Should().ThrowAsync<FeatureParseException>())
            .Which.Message.Should().Contain("samples/broken/Broken.feature:5:").And.Contain("expected:");
    }

    [Fact]
    public void A_folder_without_features_gives_one_skipped_test_saying_so()
    {
        var rows = FeatureDiscovery.FromFolder("samples/no-such-folder");

        rows.Should().ContainSingle().Which.Skip.Should().Contain("No *.feature file");
    }

    [Fact]
    public void A_scenario_survives_xunit_serialization_for_vstest_discovery()
    {
        var scenario = Row(FeatureDiscovery.FromFolder("samples/passing"), "Calculator: Add 2 to itself [2, 4]").Data;

        var copy = SerializationHelper.Instance.Deserialize(SerializationHelper.Instance.Serialize(scenario)) as FeatureScenario;

        copy.Should().BeEquivalentTo(scenario);
    }
}
