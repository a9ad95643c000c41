extern alias GeneratorAssembly;

using Microsoft.CodeAnalysis;

namespace Fota.FeatureRunner.Tests;

/// <summary>The generator on BDD-Markdown features (<c>*.feature.md</c>).</summary>
public sealed partial class GeneratorTests
{
    private const string Story = """
        # Story

        ## One

        Given a step
        """;

    [Fact]
    public void A_markdown_feature_that_does_not_parse_is_a_compiler_error_at_its_line_and_column_and_generates_nothing()
    {
        var broken = "# Broken\n\n## Fine so far\n\nGiven a step\n\n  Perhaps this is not a step\n";

        var result = Run(Driver(null, Feature("features/Broken.feature.md", broken)));

        var error = result.Diagnostics.Should().ContainSingle().Which;
        error.Id.Should().Be("FEATURE001");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.Should().Be($"{Root}/features/Broken.feature.md");
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).Should().Be((7, 3));
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("Unexpected step: Perhaps");
        result.GeneratedTrees.Should().ContainSingle("only the assembly-level file").Which.FilePath.Should().EndWith("FeatureRunner.g.cs");
    }

    [Theory]
    [InlineData("---\nneeds: [\n---\n# Story\n\n## One\n\nGiven a step\n", 3, "front matter is not YAML")]
    [InlineData("# Story\n\n## One\n\nGiven a step\n\n```json\n{}\n", 7, "Code block not closed")]
    [InlineData("# Story\n\n## One\n\nAnd a step\n", 5, "And step without preceding")]
    [InlineData("# Story\n\n## Rule: grouped\n\n### One\n\nGiven a step\n", 3, "Rule is not supported")]
    [InlineData("# Story\n\n## One\n\nThen a table\n\n| a | b |\n| - | - |\n| 1 |\n", 9, "column count of 1 does not match")]
    [InlineData("# Story\n\n## One\n\n## Two\n\nGiven a step\n", 3, "at least 1 step")]
    public void Markdown_parse_errors_name_their_line(string text, int line, string message)
    {
        var error = Run(Driver(null, Feature("features/Broken.feature.md", text))).Diagnostics.Should().ContainSingle().Which;

        (error.Location.GetLineSpan().StartLinePosition.Line + 1).Should().Be(line);
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain(message);
    }

    [Fact]
    public void A_markdown_feature_is_a_class_named_after_its_file_with_a_story_trait_and_a_line_directive_per_step()
    {
        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, Feature("features/Story.feature.md", Story)));

        result.Diagnostics.Should().BeEmpty();
        var source = result.Results.Single().GeneratedSources.Single(generated => generated.HintName.EndsWith("StoryMarkdownFeature.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        source.Should().Contain("[global::Xunit.Trait(\"Category\", \"story\")]")
            .And.Contain("#line 5 \"/repo/tests/Sample/features/Story.feature.md\"\n            await scenario.StepAsync(0);");
    }

    [Fact]
    public void Features_in_a_needs_chain_run_one_after_another_dependencies_first_and_an_unknown_need_is_an_error()
    {
        var third = Feature("features/C.feature.md", "---\nneeds:\n  - Second\n---\n" + Story.Replace("# Story", "# Third", StringComparison.Ordinal));
        var second = Feature("features/A.feature.md", "---\nneeds: [First]\n---\n" + Story.Replace("# Story", "# Second", StringComparison.Ordinal));
        var first = Feature("features/B.feature.md", Story.Replace("# Story", "# First", StringComparison.Ordinal));
        var alone = Feature("features/D.feature.md", Story);
        var missing = Feature("features/E.feature.md", "---\nneeds: [Nobody]\n---\n" + Story);

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, third, second, first, alone, missing));

        string Source(string name) => result.Results.Single().GeneratedSources.Single(generated => generated.HintName.EndsWith(name + "MarkdownFeature.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Source("B").Should().Contain("FeatureRank(0)").And.Contain("FeatureRankAttribute.OrderedCollection");
        Source("A").Should().Contain("FeatureRank(1)");
        Source("C").Should().Contain("FeatureRank(2)");
        Source("D").Should().NotContain("FeatureRank", "a feature nobody needs runs in parallel");
        result.Diagnostics.Should().ContainSingle().Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Should().Contain("needs 'Nobody', but no .feature.md has that title");
    }

    [Fact]
    public void Run_never_skips_a_feature_and_what_needs_it()
    {
        var never = Feature("features/A.feature.md", "---\nrun: never\n---\n" + Story.Replace("# Story", "# Never", StringComparison.Ordinal));
        var dependent = Feature("features/B.feature.md", "---\nneeds: [Never]\n---\n" + Story);

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, never, dependent));

        result.Results.Single().GeneratedSources.Single(generated => generated.HintName.EndsWith("AMarkdownFeature.g.cs", StringComparison.Ordinal)).SourceText.ToString()
            .Should().Contain("Skip = \"Skipped: run: never (features/A.feature.md)\"");
        result.Results.Single().GeneratedSources.Single(generated => generated.HintName.EndsWith("BMarkdownFeature.g.cs", StringComparison.Ordinal)).SourceText.ToString()
            .Should().Contain("Skip = \"Skipped: needs 'Never', which does not run (features/B.feature.md)\"");
    }
}
