using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

[Binding]
public sealed class Hooks
{
    public static bool TestRunStarted { get; private set; }

    [BeforeTestRun]
    public static void BeforeTestRun() => TestRunStarted = true;

    [BeforeScenario("hooked")]
    public static void BeforeHookedScenario(Calculator calculator, ScenarioContext scenario) =>
        calculator.HookedScenario = scenario.ScenarioInfo.Title;

    [BeforeScenario("failing-before-hook")]
    public static void FailingHook() => throw new InvalidOperationException("the hook broke on purpose");
}
