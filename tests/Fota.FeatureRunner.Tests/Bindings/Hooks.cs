using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

[Binding]
public sealed class Hooks
{
    public static bool TestRunStarted { get; private set; }

    [BeforeTestRun]
    public static void BeforeTestRun()
    {
        TestRunStarted = true;
        HookLog.Write("BeforeTestRun");
    }

    [AfterTestRun]
    public static void AfterTestRun() => HookLog.Write("AfterTestRun");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => HookLog.Write($"BeforeFeature {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => HookLog.Write($"AfterFeature {feature.FeatureInfo.Title}");

    [BeforeScenario("hook-order")]
    public static void BeforeScenario() => HookLog.Write("BeforeScenario");

    [AfterScenario("hook-order")]
    public static void AfterScenario() => HookLog.Write("AfterScenario");

    [BeforeScenarioBlock("hook-order")]
    public static void BeforeBlock(ScenarioContext scenario) => HookLog.Write($"BeforeScenarioBlock {scenario.CurrentScenarioBlock}");

    [AfterScenarioBlock("hook-order")]
    public static void AfterBlock(ScenarioContext scenario) => HookLog.Write($"AfterScenarioBlock {scenario.CurrentScenarioBlock}");

    [BeforeStep("hook-order")]
    public static void BeforeStep(ScenarioContext scenario) => HookLog.Write($"BeforeStep {scenario.StepContext.StepInfo.Text}");

    [AfterStep("hook-order")]
    public static void AfterStep(ScenarioContext scenario) => HookLog.Write($"AfterStep {scenario.StepContext.StepInfo.Text}");

    [BeforeScenario("hooked")]
    public static void BeforeHookedScenario(Calculator calculator, ScenarioContext scenario) =>
        calculator.HookedScenario = scenario.ScenarioInfo.Title;

    [BeforeScenario("failing-before-hook")]
    public static void FailingHook() => throw new InvalidOperationException("the hook broke on purpose");

    [AfterScenario("failing-after-hook")]
    public static void FailingAfterHook() => throw new InvalidOperationException("the after hook broke too");
}
