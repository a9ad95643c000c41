using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>Order.feature's scenarios say when they run, in the hook log of a child run.</summary>
[Binding]
public static class OrderSteps
{
    public const string Prefix = "Scenario ran: ";

    [Given("the scenario {string} runs")]
    public static void Runs(string title) => HookLog.Write(Prefix + title);
}
