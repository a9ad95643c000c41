using Fota.FeatureRunner.Tests.Bindings;

namespace Fota.FeatureRunner.Tests;

public sealed class ChildRunTests(ChildRun run) : IClassFixture<ChildRun>
{
    [Fact]
    public void Test_run_hooks_run_once_and_feature_hooks_once_per_feature_that_runs_and_never_for_an_ignored_one()
    {
        run.HookLines.Count(line => line == "BeforeTestRun").Should().Be(1);
        run.HookLines.Count(line => line == "AfterTestRun").Should().Be(1);
        run.HookLines[0].Should().Be("BeforeTestRun");
        run.HookLines[^1].Should().Be("AfterTestRun");
        foreach (var title in new[] { "Calculator", "Fresh state", "Reqnroll parity", "Deutsche Zahlen", "Hook order", "Serial by reqnroll.json" })
        {
            run.HookLines.Count(line => line == $"BeforeFeature {title}").Should().Be(1, title);
            run.HookLines.Count(line => line == $"AfterFeature {title}").Should().Be(1, title);
        }

        run.HookLines.Should().NotContain(line => line.Contains("Ignored feature", StringComparison.Ordinal));
    }

    [Fact]
    public void Hooks_of_a_scenario_run_in_reqnrolls_order_and_disposable_contexts_are_disposed()
    {
        // Other features run in parallel: keep the lines of this feature (its scenario hooks are tagged @hook-order).
        var lines = run.HookLines
            .Where(line => line.EndsWith("Hook order", StringComparison.Ordinal)
                || !(line.StartsWith("BeforeFeature ", StringComparison.Ordinal) || line.StartsWith("AfterFeature ", StringComparison.Ordinal)
                    || line.StartsWith("DisposableContext", StringComparison.Ordinal) || line.EndsWith("TestRun", StringComparison.Ordinal)
                    || line.StartsWith(OrderSteps.Prefix, StringComparison.Ordinal)))
            .ToList();

        lines.Should().Equal(
            "BeforeFeature Hook order",
            "BeforeScenario",
            "BeforeScenarioBlock Given",
            "BeforeStep the calculator is cleared",
            "AfterStep the calculator is cleared",
            "AfterScenarioBlock Given",
            "BeforeScenarioBlock When",
            "BeforeStep I add 1",
            "AfterStep I add 1",
            "AfterScenarioBlock When",
            "BeforeScenarioBlock Then",
            "BeforeStep the result should be 1",
            "AfterStep the result should be 1",
            "AfterScenarioBlock Then",
            "AfterScenario",
            "AfterFeature Hook order");
        run.HookLines.Count(line => line == "DisposableContext disposed").Should().BeGreaterThanOrEqualTo(6, "one per scenario of the parity feature");
    }

    [Fact]
    public void A_features_scenarios_run_in_file_order_and_outline_rows_in_their_order()
    {
        run.HookLines.Where(line => line.StartsWith(OrderSteps.Prefix, StringComparison.Ordinal))
            .Select(line => line[OrderSteps.Prefix.Length..])
            .Should().Equal(
                "Zulu", "Alpha", "Mike", "Yankee 3", "Yankee 1", "Yankee 2", "Bravo", "X-ray", "Charlie", "Whiskey", "Delta", "Victor", "Echo");
    }

    [Fact]
    public void The_living_documentation_has_every_feature_scenario_step_and_outcome_and_nothing_of_runs_from_code()
    {
        run.Of("gherkinDocument").Select(d => (string)d["uri"]!).Should().BeEquivalentTo(
            "features/Calculator.feature", "features/nested/deeper/Fresh.feature", "features/Parity.feature",
            "features/German.feature", "features/HookOrder.feature", "features/Serial.feature", "features/Order.feature");
        run.Of("testCaseFinished").Should().HaveCount(7 + 1 + 7 + 1 + 1 + 1 + 13, "the scenarios that ran; ignored ones and runs from code are not test cases");
        ((bool)run.Of("testRunFinished").Single()["success"]!).Should().BeTrue("the failing runs from code do not count");
        run.Of("testStepFinished").Should().OnlyContain(f => (string)f["testStepResult"]!["status"]! == "PASSED");
        run.Of("testStepFinished").Should().OnlyContain(f => f["testStepResult"]!["duration"] != null, "durations are reported");

        var ids = run.Of("pickle").Select(p => (string)p["id"]!)
            .Concat(run.Of("pickle").SelectMany(p => p["steps"]!.AsArray().Select(s => (string)s!["id"]!)))
            .ToList();
        ids.Should().OnlyHaveUniqueItems("message ids are unique across features");
    }

    [Fact]
    public void Output_helper_lines_and_attachments_are_in_the_living_documentation_which_works_offline()
    {
        run.Of("attachment").Select(a => (string)a["body"]!).Should().Contain("written with IReqnrollOutputHelper");
        run.Of("attachment").Should().Contain(a => ((string?)a["fileName"] ?? "").StartsWith("fota-note-", StringComparison.Ordinal), "the attached file");

        var page = File.ReadAllText(run.Html);
        page.Should().Contain("ten, as expected", "doc strings are in the report")
            .And.Contain("Every scenario starts from zero")
            .And.NotContain("<script src=\"http", "the report works offline");
    }
}
