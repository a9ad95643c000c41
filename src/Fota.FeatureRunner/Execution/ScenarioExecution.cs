using System.Collections.Specialized;
using System.Runtime.ExceptionServices;
using Fota.FeatureRunner.Discovery;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Xunit.Sdk;
using Exception = System.Exception;

namespace Fota.FeatureRunner.Execution;

/// <summary>Runs one pickle on a Reqnroll test runner whose feature is already started.</summary>
internal static class ScenarioExecution
{
    public static async Task RunAsync(ITestRunner runner, ParsedFeature feature, int pickleIndex, bool ignored)
    {
        var pickle = feature.Pickles[pickleIndex];
        runner.OnScenarioInitialize(ScenarioInfoOf(feature, pickle, pickleIndex), RuleInfoOf(feature, pickle));

        PickleStep? failedStep = null;
        var phase = "before its first step (a [BeforeScenario] hook?)";
        Exception? failure = null;
        try
        {
            if (ignored)
            {
                // As generated code does: Reqnroll records the scenario as skipped (it shows in the living
                // documentation) and asks the unit test provider to ignore it, which skips the xUnit test.
                await runner.SkipScenarioAsync();
                foreach (var step in pickle.Steps)
                {
                    await ScenarioSteps.RunAsync(runner, feature, step);
                }

                try
                {
                    await runner.CollectScenarioErrorsAsync();
                }
                catch (SkipException)
                {
                    // Reqnroll's own skip message does not say why; the one below does.
                }

                Assert.Skip($"Ignored: the scenario is tagged @{FeatureDiscovery.IgnoreTag} ({feature.DisplayPath})");
            }

            await runner.OnScenarioStartAsync();
            var startedOk = runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.OK;
            foreach (var step in pickle.Steps)
            {
                var wasOk = runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.OK;
                await ScenarioSteps.RunAsync(runner, feature, step);
                if (wasOk && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                {
                    failedStep = step;
                }
            }

            if (startedOk)
            {
                phase = "after its last step";
            }

            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception e)
        {
            failure = e;
        }

        var status = runner.ScenarioContext.ScenarioExecutionStatus;
        try
        {
            await runner.OnScenarioEndAsync();
        }
        catch (Exception e) when (failure is null)
        {
            failure = e;
            phase = "after its steps (an [AfterScenario] hook?)";
        }

        if (failure is SkipException)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (failure is not null)
        {
            throw Describe(failure, feature, pickle, failedStep, status, phase);
        }
    }

    private static ScenarioFailedException Describe(
        Exception failure, ParsedFeature feature, Pickle pickle, PickleStep? failedStep, ScenarioExecutionStatus status, string phase)
    {
        var what = failedStep is null
            ? $"Scenario failed {phase}: {pickle.Name} ({feature.DisplayPath}:{feature.AstScenario(pickle).Location.Line})"
            : status switch
            {
                ScenarioExecutionStatus.UndefinedStep => $"Step undefined: {ScenarioSteps.Describe(feature, failedStep)}",
                ScenarioExecutionStatus.StepDefinitionPending => $"Step pending: {ScenarioSteps.Describe(feature, failedStep)}",
                ScenarioExecutionStatus.BindingError => $"Step binding error: {ScenarioSteps.Describe(feature, failedStep)}",
                _ => $"Step failed: {ScenarioSteps.Describe(feature, failedStep)}",
            };
        var original = failure is ScenarioPendingException pending ? pending.ReqnrollMessage : failure.Message;
        return new ScenarioFailedException($"{what}{Environment.NewLine}{original}", failure);
    }

    private static ScenarioInfo ScenarioInfoOf(ParsedFeature feature, Pickle pickle, int pickleIndex)
    {
        var scenario = feature.AstScenario(pickle);
        var rule = feature.RuleOf(pickle);
        var inherited = feature.Feature.Tags.Concat(rule?.Tags ?? []).Select(tag => tag.Name.TrimStart('@')).ToArray();
        var own = ParsedFeature.TagNames(pickle.Tags).Except(inherited, StringComparer.Ordinal).ToArray();

        var arguments = new OrderedDictionary();
        if (feature.ExampleOf(pickle) is { } example)
        {
            var header = example.Examples.TableHeader?.Cells ?? [];
            for (var i = 0; i < header.Count && i < example.Row.Cells.Count; i++)
            {
                arguments[header[i].Value] = example.Row.Cells[i].Value;
            }
        }

        return new ScenarioInfo(pickle.Name, scenario.Description?.Trim() ?? "", own, arguments, inherited, pickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static RuleInfo? RuleInfoOf(ParsedFeature feature, Pickle pickle) =>
        feature.RuleOf(pickle) is { } rule
            ? new RuleInfo(rule.Name, rule.Description?.Trim() ?? "", rule.Tags.Select(tag => tag.Name.TrimStart('@')).ToArray())
            : null;
}
