using Fota.FeatureRunner.Tests.Features.Failing;

namespace Fota.FeatureRunner.Tests;

/// <summary>
/// A generated scenario method that fails throws from the failing step's call, whose <c>#line</c> is the step's
/// line in the .feature file. (Failures.feature is compiled without test attributes, so it is called here.)
/// </summary>
public sealed class StackTraceTests
{
    [Fact]
    public async Task The_stack_trace_of_a_failing_step_points_at_the_binding_and_at_the_gherkin_line()
    {
        await using var feature = new FeatureFixture<FailuresFeature>();

        var run = () => new FailuresFeature(feature).AStepFails();

        var failure = (await run.Should().ThrowAsync<ScenarioFailedException>()).Which;
        failure.StackTrace.Should().Contain("CalculatorSteps.ResultIs", "the binding that threw comes first")
            .And.MatchRegex(@"FailuresFeature\.AStepFails\(\) in .*features/failing/Failures\.feature:line 6");
    }

    [Fact]
    public async Task A_failing_before_scenario_hook_points_at_the_scenario_line()
    {
        await using var feature = new FeatureFixture<FailuresFeature>();

        var run = () => new FailuresFeature(feature).ABeforeScenarioHookFails();

        (await run.Should().ThrowAsync<ScenarioFailedException>()).Which.StackTrace
            .Should().MatchRegex(@"ABeforeScenarioHookFails\(\) in .*Failures\.feature:line 18");
    }
}
