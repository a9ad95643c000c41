using System.Reflection;

namespace Fota.FeatureRunner;

/// <summary>How a scenario run by <see cref="ScenarioRunner.RunScenarioAsync"/> ended.</summary>
public enum ScenarioOutcomeStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The outcome of a scenario run; <see cref="Error"/> carries the step-named failure.</summary>
public sealed record ScenarioOutcome(ScenarioOutcomeStatus Status, Exception? Error)
{
    /// <summary>The failure or skip message, e.g. <c>Step failed: Then … (features/X.feature:12)</c> and the original message.</summary>
    public string? Message => Error?.Message;
}

/// <summary>Options of <see cref="ScenarioRunner.RunScenarioAsync"/>.</summary>
public sealed class ScenarioRunOptions
{
    /// <summary>Where the step trace goes; the current test's output by default.</summary>
    public ITestOutputHelper? Output { get; init; }

    /// <summary>The assembly with the step definitions and hooks; the current test's assembly by default.</summary>
    public Assembly? TestAssembly { get; init; }
}
