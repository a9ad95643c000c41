using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>ReportedFailure.feature: a step with an optional group that matches nothing, and a step that fails on request.</summary>
[Binding]
public static class ReportSteps
{
    public const string FailVariable = "FEATURE_RUNNER_FAIL_ON_PURPOSE";

    [Given(@"^I ((?:re)?)start the calculator$")]
    public static void Start(string again) => again.Should().BeEmpty();

    [Then("the step fails when the child run asks for it")]
    public static void FailsOnRequest()
    {
        if (Environment.GetEnvironmentVariable(FailVariable) == "1")
        {
            throw new InvalidOperationException("failed on purpose");
        }
    }
}
