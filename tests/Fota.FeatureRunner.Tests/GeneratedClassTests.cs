using System.Reflection;
using Fota.FeatureRunner.Tests.Features;
using Fota.FeatureRunner.Tests.Features.Nested.Deeper;

namespace Fota.FeatureRunner.Tests;

/// <summary>What the generator made of features/: the classes, names and traits xUnit, filters and Test Explorer see.</summary>
public sealed class GeneratedClassTests
{
    private static IReadOnlyList<(MethodInfo Method, FactAttribute Fact)> TestsOf(Type featureClass) =>
        featureClass.GetMethods()
            .Select(method => (Method: method, Fact: method.GetCustomAttribute<FactAttribute>()!))
            .Where(test => test.Fact is not null)
            .ToList();

    private static IReadOnlyList<string> TraitValues(MethodInfo method, string name) =>
        method.GetCustomAttributes<TraitAttribute>().Where(trait => trait.Name == name).Select(trait => trait.Value).ToList();

    [Fact]
    public void Each_feature_is_a_class_named_after_its_file_in_a_namespace_from_its_folder()
    {
        var classes = typeof(GeneratedClassTests).Assembly.GetCustomAttributes<CompiledFeatureAttribute>()
            .Select(attribute => attribute.FeatureClass.FullName)
            .Order(StringComparer.Ordinal);

        classes.Should().Equal(
            "Fota.FeatureRunner.Tests.Features.CalculatorFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.FailuresFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.MidStoryMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.Twins.Near.NeedsTwinMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.Twins.Near.TwinMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.Twins.NeedsFailedTwinMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Failing.Twins.TwinMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.GermanFeature",
            "Fota.FeatureRunner.Tests.Features.HookOrderFeature",
            "Fota.FeatureRunner.Tests.Features.IgnoredFeature",
            "Fota.FeatureRunner.Tests.Features.Markdown.Needs.NeedsFirstMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Markdown.Needs.NeedsSecondMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Markdown.Needs.NeedsThirdMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Markdown.StoryMarkdownFeature",
            "Fota.FeatureRunner.Tests.Features.Nested.Deeper.FreshFeature",
            "Fota.FeatureRunner.Tests.Features.NonParallelizableFeature",
            "Fota.FeatureRunner.Tests.Features.OrderFeature",
            "Fota.FeatureRunner.Tests.Features.ParityFeature",
            "Fota.FeatureRunner.Tests.Features.Reported.ReportedFailureFeature",
            "Fota.FeatureRunner.Tests.Features.SerialFeature");
    }

    [Fact]
    public void Every_scenario_and_every_outline_row_is_a_test_named_feature_colon_scenario_with_the_row()
    {
        TestsOf(typeof(CalculatorFeature)).Select(test => $"{test.Method.Name} = {test.Fact.DisplayName}").Should().Equal(
            "AddTwoNumbers = Calculator: Add two numbers",
            "DocStringsAndTablesReachTheSteps = Calculator: Doc strings and tables reach the steps",
            "AddAToItself_SmallNumbers_1 = Calculator: Add 1 to itself [1, 2]",
            "AddAToItself_SmallNumbers_2 = Calculator: Add 2 to itself [2, 4]",
            "AddAToItself_LargeNumbers_1 = Calculator: Add 500 to itself [500, 1000]",
            "HooksRanBeforeTheSteps = Calculator: Hooks ran before the steps",
            "StepClassesShareTheScenarioSContext = Calculator: Step classes share the scenario's context",
            "IgnoredScenario = Calculator: Ignored scenario");
    }

    [Fact]
    public void Tags_of_feature_rule_scenario_and_examples_are_category_traits_and_the_title_is_the_feature_title_trait()
    {
        var tests = TestsOf(typeof(CalculatorFeature)).ToDictionary(test => test.Method.Name, test => test.Method);

        TraitValues(tests["AddTwoNumbers"], "Category").Should().BeEquivalentTo("calculator", "smoke");
        TraitValues(tests["AddAToItself_SmallNumbers_1"], "Category").Should().BeEquivalentTo("calculator", "outline", "small");
        TraitValues(tests["AddAToItself_LargeNumbers_1"], "Category").Should().BeEquivalentTo("calculator", "outline");
        TraitValues(tests["HooksRanBeforeTheSteps"], "Category").Should().BeEquivalentTo("calculator", "hooked");
        TraitValues(tests["AddTwoNumbers"], "FeatureTitle").Should().Equal("Calculator");
        TraitValues(typeof(FreshFeature).GetMethod("EveryScenarioStartsFromZero")!, "Category").Should().BeEmpty();
    }

    [Fact]
    public void An_ignore_tag_skips_that_scenario_or_every_scenario_of_an_ignored_feature()
    {
        TestsOf(typeof(CalculatorFeature)).Where(test => test.Fact.Skip is not null).Select(test => test.Method.Name)
            .Should().Equal("IgnoredScenario");
        TestsOf(typeof(CalculatorFeature)).Single(test => test.Fact.Skip is not null).Fact.Skip
            .Should().Be("Ignored: the scenario is tagged @ignore (features/Calculator.feature:53)");
        TestsOf(typeof(IgnoredFeature)).Should().OnlyContain(test => test.Fact.Skip != null);
    }

    [Fact]
    public void Each_test_points_at_its_line_in_the_feature_file_so_go_to_test_opens_the_gherkin()
    {
        var fact = TestsOf(typeof(CalculatorFeature)).Single(test => test.Method.Name == "AddAToItself_LargeNumbers_1").Fact;

        fact.SourceFilePath.Should().EndWith("features/Calculator.feature");
        fact.SourceLineNumber.Should().Be(39, "the example row's line");
    }

    [Fact]
    public void Features_tagged_for_reqnroll_json_or_nonparallelizable_share_the_serial_collection_and_others_run_in_parallel()
    {
        typeof(SerialFeature).GetCustomAttribute<CollectionAttribute>()!.Name.Should().Be(CompiledFeatureAttribute.NonParallelizableCollection);
        typeof(NonParallelizableFeature).GetCustomAttribute<CollectionAttribute>()!.Name.Should().Be(CompiledFeatureAttribute.NonParallelizableCollection);
        typeof(CalculatorFeature).GetCustomAttribute<CollectionAttribute>().Should().BeNull("a class without a collection is its own, run in parallel");
        typeof(Fota.FeatureRunner.Generated.NonParallelizableFeatures).GetCustomAttribute<CollectionDefinitionAttribute>()!.DisableParallelization.Should().BeTrue();
    }

    [Fact]
    public void A_german_feature_uses_german_keywords()
    {
        TestsOf(typeof(GermanFeature)).Single().Fact.DisplayName.Should().Be("Deutsche Zahlen: Ein Komma trennt die Nachkommastellen");
    }
}
