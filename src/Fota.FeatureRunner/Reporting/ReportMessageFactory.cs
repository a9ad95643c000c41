using Reqnroll.Formatters.ExecutionTracking;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;
using Messages = Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// Reqnroll's message factory with two corrections for the living documentation:
/// <list type="bullet">
/// <item>a step argument that matched nothing (an empty optional group such as <c>((?:re)?)connect</c>) is left out:
/// the report's highlighting does not advance past a zero-length argument and prints the text before it twice
/// ("I I connect to the websocket");</item>
/// <item>a failed step's stack trace is the one the console shows: the binding's frames, Reqnroll's own left out,
/// ending at the step's line in the <c>.feature</c> file.</item>
/// </list>
/// </summary>
internal sealed class ReportMessageFactory : CucumberMessageFactory
{
    public override Messages.TestStep ToTestStep(TestStepTracker stepTracker)
    {
        var step = base.ToTestStep(stepTracker);
        return step.StepMatchArgumentsLists is not { } lists
            ? step
            : new Messages.TestStep(step.HookId, step.Id, step.PickleStepId, step.StepDefinitionIds, lists.Select(WithoutEmptyArguments).ToList());
    }

    public override Messages.TestStepFinished ToTestStepFinished(TestStepExecutionTracker testStepExecutionTracker)
    {
        ArgumentNullException.ThrowIfNull(testStepExecutionTracker);
        var finished = base.ToTestStepFinished(testStepExecutionTracker);
        var result = finished.TestStepResult;
        if (result.Exception is not { } exception
            || testStepExecutionTracker.StepTracker is not TestStepTracker step
            || ReportedFeatures.StepOf(step.PickleStepId) is not { } location)
        {
            return finished;
        }

        var trace = ScenarioFailedException.UserFrames(exception.StackTrace)
            .Append($"   at {location.Scenario} in {location.Path}:line {location.Line}");
        return new Messages.TestStepFinished(
            finished.TestCaseStartedId,
            finished.TestStepId,
            new Messages.TestStepResult(
                result.Duration,
                result.Message,
                result.Status,
                new Messages.Exception(exception.Type, exception.Message, string.Join(Environment.NewLine, trace))),
            finished.Timestamp);
    }

    private static Messages.StepMatchArgumentsList WithoutEmptyArguments(Messages.StepMatchArgumentsList list) =>
        new(list.StepMatchArguments.Where(argument => !string.IsNullOrEmpty(argument.Group?.Value)).ToList());
}
