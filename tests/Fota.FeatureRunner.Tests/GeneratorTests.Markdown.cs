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

    [Fact]
    public void A_need_names_the_feature_with_that_title_in_the_needing_features_own_folder_before_one_elsewhere()
    {
        // features/B sorts before features/v2/A: picking the first feature with the title would pick the wrong one.
        var elsewhere = Feature("features/B.feature.md", Titled("Device FOTA"));
        var sameFolder = Feature("features/v2/A.feature.md", Titled("Device FOTA"));
        var needing = Feature("features/v2/C.feature.md", "---\nneeds: [Device FOTA]\n---\n" + Titled("Upgrade path"));

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, elsewhere, sameFolder, needing));

        result.Diagnostics.Should().BeEmpty();
        MarkdownSource(result, "A").Should().Contain("FeatureRank(0)");
        MarkdownSource(result, "C").Should().Contain("FeatureRank(1)");
        MarkdownSource(result, "B").Should().NotContain("FeatureRank", "nothing needs the farther feature of the same title");
    }

    [Fact]
    public void A_need_names_the_feature_in_the_nearest_parent_folder_before_farther_parents_and_other_folders()
    {
        var otherFolder = Feature("features/A/Other.feature.md", Titled("Device FOTA"));
        var grandparent = Feature("features/Grandparent.feature.md", Titled("Device FOTA"));
        var parent = Feature("features/v2/Parent.feature.md", Titled("Device FOTA"));
        var needsParent = Feature("features/v2/deep/NeedsParent.feature.md", "---\nneeds: [Device FOTA]\n---\n" + Titled("Deep"));
        var needsGrandparent = Feature("features/v3/NeedsGrandparent.feature.md", "---\nneeds: [Device FOTA]\n---\n" + Titled("Sibling"));

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, otherFolder, grandparent, parent, needsParent, needsGrandparent));

        result.Diagnostics.Should().BeEmpty();
        MarkdownSource(result, "Other").Should().NotContain("FeatureRank", "a feature in a folder that is not a parent is farther than any parent");
        MarkdownSource(result, "Grandparent").Should().Contain("FeatureRank(0)");
        MarkdownSource(result, "Parent").Should().Contain("FeatureRank(1)");
        MarkdownSource(result, "NeedsParent").Should().Contain("FeatureRank(2)");
        MarkdownSource(result, "NeedsGrandparent").Should().Contain("FeatureRank(3)");
    }

    [Fact]
    public void A_need_falls_back_to_a_feature_in_another_folder_and_two_equally_near_features_are_an_error_naming_both()
    {
        var inOtherFolder = Feature("features/seed/Seed.feature.md", Titled("Seed"));
        var usesOtherFolder = Feature("features/v2/UsesSeed.feature.md", "---\nneeds: [Seed]\n---\n" + Titled("Uses seed"));
        var twinOne = Feature("features/x/One.feature.md", Titled("Twin"));
        var twinTwo = Feature("features/y/Two.feature.md", Titled("Twin"));
        var needsTwin = Feature("features/z/NeedsTwin.feature.md", "---\nneeds: [Twin]\n---\n" + Titled("Needs twin"));

        var result = Run(Driver(new Dictionary<string, string> { ["FeatureRunnerRoot"] = Root }, inOtherFolder, usesOtherFolder, twinOne, twinTwo, needsTwin));

        MarkdownSource(result, "Seed").Should().Contain("FeatureRank(0)");
        MarkdownSource(result, "UsesSeed").Should().Contain("FeatureRank(1)");
        var error = result.Diagnostics.Should().ContainSingle().Which;
        error.Location.GetLineSpan().Path.Should().Be($"{Root}/features/z/NeedsTwin.feature.md");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("needs 'Twin'")
            .And.Contain($"{Root}/features/x/One.feature.md").And.Contain($"{Root}/features/y/Two.feature.md");
    }

    private static string Titled(string title) => Story.Replace("# Story", "# " + title, StringComparison.Ordinal);

    private static string MarkdownSource(GeneratorDriverRunResult result, string name) =>
        result.Results.Single().GeneratedSources.Single(generated => generated.HintName.EndsWith("." + name + "MarkdownFeature.g.cs", StringComparison.Ordinal)).SourceText.ToString();
}
