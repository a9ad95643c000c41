using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner.Tests;

/// <summary>BDD-Markdown read into the Gherkin document and pickles Reqnroll runs, with the Markdown's lines.</summary>
public sealed class MarkdownParsingTests
{
    private const string Text = """
        ---
        exampleContext:
          jobId: bc631093
        retry:
          tries: 9
        ---

        # Device FOTA

        > A user can schedule
        > a firmware update.

        ## Background

        Given I have a device

        ## Schedule

        <!-- @retry:initialDelay=5 -->

        When I `POST`
        `${APIURL}/fota` with

        ```json
        {"bundleId": "x"}
        ```

        Soon the job should exist

        And it should be queued

        <!-- @slow -->

        ## Check

        Then the status should be `IN_PROGRESS`
        """;

    private static ParsedFeature Parse() =>
        ParsedFeature.Parse(Text, "features/X.feature.md", "en").Feature ?? throw new InvalidOperationException("does not parse");

    [Fact]
    public void A_wrapped_step_title_is_one_step_at_its_first_line_and_its_code_block_is_the_doc_string()
    {
        var step = Parse().Pickles[0].Steps[1];
        var ast = Parse().AstStep(step);

        step.Text.Should().Be("I `POST` `${APIURL}/fota` with");
        ast.Keyword.Should().Be("When ");
        ast.Location.Line.Should().Be(21);
        step.Argument.DocString.Content.Should().Be("{\"bundleId\": \"x\"}");
        step.Argument.DocString.MediaType.Should().Be("json");
    }

    [Fact]
    public void Soon_is_then_soon_and_an_and_after_it_is_and_soon()
    {
        var feature = Parse();
        var steps = feature.Pickles[0].Steps.Select(step => $"{feature.AstStep(step).Keyword}{step.Text}").ToList();

        steps.Should().Equal("Given I have a device", "When I `POST` `${APIURL}/fota` with", "Then soon the job should exist", "And soon it should be queued");
    }

    [Fact]
    public void A_story_runs_its_background_once_before_the_first_scenario()
    {
        var feature = Parse();

        feature.IsStory.Should().BeTrue();
        feature.Pickles.Select(pickle => pickle.Steps.Count).Should().Equal(4, 1);
        feature.LineOf(feature.Pickles[1]).Should().Be(34);
    }

    [Fact]
    public void Directives_merge_front_matter_scenario_and_step_and_tags_become_gherkin_tags()
    {
        var feature = Parse();
        var pickle = feature.Pickles[0];

        feature.DirectivesOf(pickle.Steps[1])["retry"].Should().BeEquivalentTo(new Dictionary<string, string> { ["tries"] = "9", ["initialDelay"] = "5" });
        feature.DirectivesOf(feature.Pickles[1].Steps[0])["retry"].Should().BeEquivalentTo(new Dictionary<string, string> { ["tries"] = "9" });
        ParsedFeature.TagNames(pickle.Tags).Should().Equal("story");
        ParsedFeature.TagNames(feature.Pickles[1].Tags).Should().Equal("story", "slow");
    }

    [Fact]
    public void The_description_is_the_block_quote_and_the_example_context_is_shown_with_it()
    {
        var feature = Parse();

        feature.Feature.Name.Should().Be("Device FOTA");
        feature.Feature.Description.Should().StartWith("A user can schedule\na firmware update.").And.Contain("- jobId: bc631093");
    }
}
