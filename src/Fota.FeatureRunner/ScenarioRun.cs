using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Fota.FeatureRunner.Parsing;
using Fota.FeatureRunner.Plugin;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Xunit.Sdk;
using Exception = System.Exception;

namespace Fota.FeatureRunner;

/// <summary>
/// One scenario (pickle) running on a Reqnroll test runner whose feature is started: the generated test calls
/// <see cref="StepAsync"/> for each step, under a <c>#line</c> of that step, then <see cref="EndAsync"/>.
/// When a step fails, the rest of the scenario is completed (its steps reported skipped, [AfterScenario] hooks run)
/// and the failure is thrown from that step's call, naming the step and its file:line.
/// </summary>
public sealed class ScenarioRun
{
    private readonly ITestRunner _runner;
    private readonly ParsedFeature _feature;
    private readonly Pickle _pickle;
    private readonly ITestOutputHelper? _output;
    private Action<string>? _failed;
    private PickleStepType _block = PickleStepType.CONTEXT;
    private int _next;
    private bool _ended;

    private ScenarioRun(ITestRunner runner, ParsedFeature feature, Pickle pickle, ITestOutputHelper? output)
    {
        _runner = runner;
        _feature = feature;
        _pickle = pickle;
        _output = output;
    }

    internal int StepCount => _pickle.Steps.Count;

    internal static async Task<ScenarioRun> StartAsync(ITestRunner runner, ParsedFeature feature, int pickleIndex, ITestOutputHelper? output, Action<string>? failed = null, Stories.StoryScope? story = null)
    {
        var pickle = feature.Pickles[pickleIndex];
        var run = new ScenarioRun(runner, feature, pickle, output) { _failed = failed };
        using (ScenarioOutput.Use(output))
        {
            runner.OnScenarioInitialize(ScenarioInfoOf(feature, pickle, pickleIndex), RuleInfoOf(feature, pickle));
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs<ITestOutputHelper>(output ?? TestContext.Current.TestOutputHelper ?? ScenarioOutput.Helper);
            story?.Attach(runner);
            await runner.OnScenarioStartAsync();
            if (runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
            {
                await run.FailAsync(failedStep: null, "before its first step (a [BeforeScenario] hook?)");
            }
        }

        return run;
    }

    /// <summary>Runs step <paramref name="index"/> of the scenario; throws if it fails.</summary>
    public async Task StepAsync(int index)
    {
        using (ScenarioOutput.Use(_output))
        {
            var step = _pickle.Steps[index];
            var wasOk = _runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.OK;
            await RunStepAsync(step);
            _next = index + 1;
            if (wasOk && _runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
            {
                await FailAsync(step, "at a step");
            }
        }
    }

    /// <summary>Ends the scenario: [AfterScenario] hooks; throws if the scenario failed after its last step.</summary>
    public async Task EndAsync()
    {
        using (ScenarioOutput.Use(_output))
        {
            var collected = await CollectErrorsAsync();
            var failure = await RunAfterScenarioHooksAsync(collected);
            if (failure is not null)
            {
                ThrowDescribed(failure, failedStep: null, collected is null ? "after its steps (an [AfterScenario] hook?)" : "after its last step (an [AfterStep] hook?)");
            }
        }
    }

    private async Task FailAsync(PickleStep? failedStep, string phase)
    {
        // The remaining steps go through Reqnroll too: it reports them as skipped in the living documentation.
        for (; _next < _pickle.Steps.Count; _next++)
        {
            await RunStepAsync(_pickle.Steps[_next]);
        }

        var status = _runner.ScenarioContext.ScenarioExecutionStatus;
        var failure = await CollectErrorsAsync();
        if (!_ended)
        {
            failure = await RunAfterScenarioHooksAsync(failure);
        }

        ThrowDescribed(failure ?? new InvalidOperationException($"Reqnroll reported the scenario as {status} without an error."), failedStep, phase, status);
    }

    /// <summary>The scenario's error so far (a step's, a hook's), as Reqnroll reports it; null when it has none.</summary>
    private async Task<Exception?> CollectErrorsAsync()
    {
        try
        {
            await _runner.CollectScenarioErrorsAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>
    /// Runs the [AfterScenario] hooks and returns the scenario's failure: <paramref name="earlier"/> if there is one (a hook
    /// that fails because of it, such as one needing the host that never started, must not hide the cause; its own error
    /// goes to the output), else the hooks' error, else null.
    /// </summary>
    private async Task<Exception?> RunAfterScenarioHooksAsync(Exception? earlier)
    {
        _ended = true;
        try
        {
            await _runner.OnScenarioEndAsync();
            return earlier;
        }
        catch (Exception e) when (earlier is null)
        {
            return e;
        }
        catch (Exception e)
        {
            ScenarioOutput.WriteLine($"An [AfterScenario] hook failed too: {e.GetType().Name}: {e.Message}");
            return earlier;
        }
    }

    private void ThrowDescribed(Exception failure, PickleStep? failedStep, string phase, ScenarioExecutionStatus? status = null)
    {
        if (failure is SkipException)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var what = failedStep is null
            ? $"Scenario failed {phase}: {_pickle.Name} ({_feature.DisplayPath}:{_feature.LineOf(_pickle)})"
            : status switch
            {
                ScenarioExecutionStatus.UndefinedStep => $"Step undefined: {Describe(failedStep)}",
                ScenarioExecutionStatus.StepDefinitionPending => $"Step pending: {Describe(failedStep)}",
                ScenarioExecutionStatus.BindingError => $"Step binding error: {Describe(failedStep)}",
                _ => $"Step failed: {Describe(failedStep)}",
            };
        var original = failure is ScenarioPendingException pending ? pending.ReqnrollMessage : failure.Message;
        _failed?.Invoke($"{_pickle.Name} ({_feature.DisplayPath}:{_feature.LineOf(_pickle)})");
        throw new ScenarioFailedException($"{what}{Environment.NewLine}{original}", failure);
    }

    /// <summary><c>Then the status … (features/DeviceFota.feature:42)</c></summary>
    private string Describe(PickleStep step)
    {
        var ast = _feature.AstStep(step);
        return $"{ast.Keyword.Trim()} {step.Text} ({_feature.DisplayPath}:{ast.Location.Line})";
    }

    /// <summary>What generated code-behind does for a step; <c>*</c> steps continue the block they are in.</summary>
    private Task RunStepAsync(PickleStep step)
    {
        if (step.Type is PickleStepType.CONTEXT or PickleStepType.ACTION or PickleStepType.OUTCOME)
        {
            _block = step.Type;
        }

        _runner.ScenarioContext[StepDirectives.Key] = _feature.DirectivesOf(step);
        var keyword = _feature.AstStep(step).Keyword;
        var docString = step.Argument?.DocString?.Content;
        var table = ToTable(step.Argument?.DataTable);
        return _block switch
        {
            PickleStepType.ACTION => _runner.WhenAsync(step.Text, docString, table, keyword),
            PickleStepType.OUTCOME => _runner.ThenAsync(step.Text, docString, table, keyword),
            _ => _runner.GivenAsync(step.Text, docString, table, keyword),
        };
    }

    private static Table? ToTable(PickleTable? dataTable)
    {
        if (dataTable is null || dataTable.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table(dataTable.Rows[0].Cells.Select(cell => cell.Value).ToArray());
        foreach (var row in dataTable.Rows.Skip(1))
        {
            table.AddRow(row.Cells.Select(cell => cell.Value).ToArray());
        }

        return table;
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

        return new ScenarioInfo(pickle.Name, scenario.Description?.Trim() ?? "", own, arguments, inherited, pickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    private static RuleInfo? RuleInfoOf(ParsedFeature feature, Pickle pickle) =>
        feature.RuleOf(pickle) is { } rule
            ? new RuleInfo(rule.Name, rule.Description?.Trim() ?? "", rule.Tags.Select(tag => tag.Name.TrimStart('@')).ToArray())
            : null;
}
