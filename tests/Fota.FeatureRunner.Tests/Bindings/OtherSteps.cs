using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>A second binding class: it sees the same <see cref="Calculator"/> only if Reqnroll injects per scenario.</summary>
[Binding]
public sealed class OtherSteps(Calculator calculator)
{
    [Then("the other step class sees {int}")]
    public void Sees(int expected) => calculator.Result.Should().Be(expected);

    [Then("the test-run hook has run")]
    public static void TestRunHookRan() => Hooks.TestRunStarted.Should().BeTrue("[BeforeTestRun] runs before the first scenario");

    [Then("the before-scenario hook has run for {string}")]
    public void ScenarioHookRan(string title) => calculator.HookedScenario.Should().Be(title);
}
