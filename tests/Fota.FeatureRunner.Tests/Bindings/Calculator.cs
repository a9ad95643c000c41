namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>Scenario state, injected by Reqnroll into every binding class of a scenario.</summary>
public sealed class Calculator
{
    public int Result { get; set; }

    public string? HookedScenario { get; set; }
}
