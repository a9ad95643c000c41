using System.Text.Json;
using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>What a story's scenarios share: one instance per story, per scenario elsewhere.</summary>
[SharedInStory]
public sealed class StoryNotes
{
    public int BackgroundRuns { get; set; }

    public int? Number { get; set; }
}

[Binding]
public sealed class MarkdownSteps(StoryNotes notes, ScenarioContext scenario)
{
    private static readonly List<string> NeedsChain = [];

    [Given("the story's background runs")]
    public void BackgroundRuns() => notes.BackgroundRuns++;

    [Then("the story's background ran `{int}` time")]
    public void BackgroundRan(int times) => notes.BackgroundRuns.Should().Be(times, "a story runs its Background once");

    [When("I note the number `{int}` in a step whose title wraps over three lines")]
    public void Note(int number) => notes.Number = number;

    [Then("the noted number should be `{int}`")]
    public void NotedIs(int number) => notes.Number.Should().Be(number, "the story's scenarios share its StoryNotes");

    [Then("soon the `{word}` directive of this step should be `{}`")]
    [Then("the `{word}` directive of this step should be `{}`")]
    public void DirectiveIs(string name, string expected) =>
        string.Join(",", StepDirectives.Current(scenario, name).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))
            .Should().Be(expected);

    [Given("the note is")]
    public void NoteIs(string json) => notes.Number = JsonDocument.Parse(json).RootElement.GetProperty("noted").GetInt32();

    [Then("the numbers add up to `{int}`")]
    public static void NumbersAddUp(int sum, Table numbers) =>
        numbers.Rows.Sum(row => int.Parse(row["number"], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(sum);

    [Given("the needs chain reaches `{}`")]
    public static void NeedsChainReaches(string title)
    {
        lock (NeedsChain)
        {
            NeedsChain.Add(title);
        }
    }

    [Then("the needs chain ran `{}`")]
    public static void NeedsChainRan(string titles)
    {
        lock (NeedsChain)
        {
            string.Join(", ", NeedsChain).Should().Be(titles, "features run after the features they need");
        }
    }
}
