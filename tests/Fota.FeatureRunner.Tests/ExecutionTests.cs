namespace Fota.FeatureRunner.Tests;

public sealed class ExecutionTests
{
    private const string Failures = "Failures.feature";
    private static readonly ScenarioRunOptions Failing = new() { FeaturesFolder = "samples/failing" };
    private static readonly ScenarioRunOptions Passing = new() { FeaturesFolder = "samples/passing" };

    [Fact]
    public async Task A_failing_step_names_the_step_text_and_file_line_followed_by_the_original_message()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step fails", Failing);

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith(
            "Step failed: Then the result should be 3 (samples/failing/Failures.feature:6)" + Environment.NewLine);
        outcome.Message.Should().Contain("to be 3 because the calculator adds, but found 2");
        outcome.Error!.InnerException.Should().NotBeNull("the original exception is kept");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_reqnrolls_binding_skeleton()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step is undefined", Failing);

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Step undefined: When I divide by \"zero\" (samples/failing/Failures.feature:11)");
        outcome.Message.Should().Contain("[When(\"I divide by {string}\")]").And.Contain("throw new PendingStepException();");
    }

    [Fact]
    public async Task A_pending_step_fails_saying_it_is_pending()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step is pending", Failing);

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Step pending: When I do something not yet written (samples/failing/Failures.feature:15)");
    }

    [Fact]
    public async Task A_failing_hook_is_named_as_such_with_the_scenario_line()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A before-scenario hook fails", Failing);

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Scenario failed before its first step")
            .And.Contain("(samples/failing/Failures.feature:18)")
            .And.Contain("the hook broke on purpose");
    }

    [Fact]
    public async Task Step_trace_and_output_helper_lines_reach_the_xunit_output()
    {
        var output = new RecordingOutput();

        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "It writes output", new() { FeaturesFolder = "samples/failing", Output = output });

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Passed);
        output.Output.Should().Contain("Given the calculator is cleared")
            .And.Contain("When I add 1")
            .And.Contain("calculator now shows 1")
            .And.Contain("-> done:");
    }

    [Fact]
    public async Task Hooks_run_before_the_steps()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Hooks ran before the steps", Passing);

        outcome.Should().Be(new ScenarioOutcome(ScenarioOutcomeStatus.Passed, null), outcome.Message);
    }

    [Fact]
    public async Task Binding_classes_of_one_scenario_share_injected_context_and_the_next_scenario_gets_a_fresh_one()
    {
        var shared = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Step classes share the scenario's context", Passing);
        var fresh = await ScenarioRunner.RunScenarioAsync("nested/deeper/Fresh.feature", "Every scenario starts from zero", Passing);

        shared.Status.Should().Be(ScenarioOutcomeStatus.Passed, shared.Message);
        fresh.Status.Should().Be(ScenarioOutcomeStatus.Passed, fresh.Message);
    }

    [Fact]
    public async Task Background_doc_strings_tables_and_outline_rows_reach_the_steps()
    {
        var table = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Doc strings and tables reach the steps", Passing);
        var example = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Calculator: Add 500 to itself [500, 1000]", Passing);

        table.Status.Should().Be(ScenarioOutcomeStatus.Passed, table.Message);
        example.Status.Should().Be(ScenarioOutcomeStatus.Passed, example.Message);
    }

    [Fact]
    public async Task An_ignored_scenario_is_skipped_without_running()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Ignored scenario", Passing);

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Skipped);
        outcome.Message.Should().Contain("@ignore");
    }

    [Fact]
    public async Task An_unknown_scenario_name_lists_the_scenarios_of_the_feature()
    {
        var run = () => ScenarioRunner.RunScenarioAsync(Failures, "No such scenario", Failing);

        (await run.Should().ThrowAsync<ArgumentException>()).Which.Message
            .Should().Contain("has no scenario named 'No such scenario'").And.Contain("Failures: A step fails");
    }
}
