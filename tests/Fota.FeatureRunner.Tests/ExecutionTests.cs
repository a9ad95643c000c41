namespace Fota.FeatureRunner.Tests;

/// <summary>Scenarios run from code with <see cref="ScenarioRunner.RunScenarioAsync"/>: outcomes and failure messages.</summary>
public sealed class ExecutionTests
{
    private const string Failures = "failing/Failures.feature";

    [Fact]
    public async Task A_failing_step_names_the_step_text_and_file_line_followed_by_the_original_message_once()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step fails");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith(
            "Step failed: Then the result should be 3 (features/failing/Failures.feature:6)" + Environment.NewLine);
        outcome.Message.Should().Contain("to be 3 because the calculator adds, but found 2");
        outcome.Error!.InnerException.Should().BeNull("test runners would print the message a second time");
        ((ScenarioFailedException)outcome.Error).Cause.Should().NotBeNull("the original exception is kept");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_reqnrolls_binding_skeleton()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step is undefined");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Step undefined: When I divide by \"zero\" (features/failing/Failures.feature:11)");
        outcome.Message.Should().Contain("[When(\"I divide by {string}\")]").And.Contain("throw new PendingStepException();");
    }

    [Fact]
    public async Task A_pending_step_fails_saying_it_is_pending()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step is pending");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Step pending: When I do something not yet written (features/failing/Failures.feature:15)");
    }

    [Fact]
    public async Task An_ambiguous_step_fails_naming_both_bindings()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A step is ambiguous");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Step binding error: When I press the ambiguous button (features/failing/Failures.feature:27)")
            .And.Contain("PressOne").And.Contain("PressTwo");
    }

    [Fact]
    public async Task A_failing_hook_is_named_as_such_with_the_scenario_line()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "A before-scenario hook fails");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith("Scenario failed before its first step")
            .And.Contain("(features/failing/Failures.feature:18)")
            .And.Contain("the hook broke on purpose");
    }

    [Theory]
    [InlineData("A before-scenario hook fails and an after-scenario hook fails after it", "Scenario failed before its first step", "the hook broke on purpose")]
    [InlineData("A step fails and an after-scenario hook fails after it", "Step failed: Then the result should be 3", "to be 3")]
    public async Task An_after_scenario_hook_that_fails_after_an_earlier_failure_does_not_hide_it(string scenario, string start, string cause)
    {
        var output = new RecordingOutput();

        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, scenario, new() { Output = output });

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().StartWith(start).And.Contain(cause).And.NotContain("the after hook broke too");
        output.Output.Should().Contain("An [AfterScenario] hook failed too: InvalidOperationException: the after hook broke too");
    }

    [Fact]
    public async Task Step_trace_and_output_helper_lines_reach_the_given_output()
    {
        var output = new RecordingOutput();

        var outcome = await ScenarioRunner.RunScenarioAsync(Failures, "It writes output", new() { Output = output });

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Passed);
        output.Output.Should().Contain("Given the calculator is cleared")
            .And.Contain("When I add 1")
            .And.Contain("calculator now shows 1")
            .And.Contain("-> done:");
    }

    [Fact]
    public async Task Scenarios_of_test_classes_run_from_code_too_and_an_outline_row_is_named_by_its_test_name()
    {
        var example = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Calculator: Add 500 to itself [500, 1000]");

        example.Status.Should().Be(ScenarioOutcomeStatus.Passed, example.Message);
    }

    [Fact]
    public async Task An_ignored_scenario_is_skipped_without_running()
    {
        var outcome = await ScenarioRunner.RunScenarioAsync("Calculator.feature", "Ignored scenario");

        outcome.Status.Should().Be(ScenarioOutcomeStatus.Skipped);
        outcome.Message.Should().Contain("@ignore");
    }

    [Fact]
    public async Task An_unknown_scenario_name_lists_the_scenarios_of_the_feature()
    {
        var run = () => ScenarioRunner.RunScenarioAsync(Failures, "No such scenario");

        (await run.Should().ThrowAsync<ArgumentException>()).Which.Message
            .Should().Contain("has no scenario named 'No such scenario'").And.Contain("Failures: A step fails");
    }

    [Fact]
    public async Task An_unknown_feature_lists_the_compiled_features()
    {
        var run = () => ScenarioRunner.RunScenarioAsync("Nope.feature", "A step fails");

        (await run.Should().ThrowAsync<ArgumentException>()).Which.Message
            .Should().Contain("no compiled feature 'Nope.feature'").And.Contain("features/Calculator.feature");
    }
}
