using Fota.Api.Storage;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>The moments of an upgrade-path step (SPEC §3.6) at which a scenario lets a service instance die.</summary>
public static class DeathMoments
{
    /// <summary>Step 2 is stored with its intent id; the instance dies before it records the create's intent.</summary>
    public static bool StepStarted(string operation, object? result) =>
        operation == nameof(IUpgradePathStore.AdvanceAsync) && result is StoredUpgradePathJob { Step: UpgradePathSteps.Start };

    /// <summary>The create's intent is recorded, so the create goes to nRF Cloud next; its answer is never stored.</summary>
    public static bool StepCreateSent(string operation, object? result) =>
        operation == nameof(IJobStore.TryBeginScheduleAsync) && ReferenceEquals(result, ScheduleBegin.Started);

    /// <summary>nRF Cloud's job is stored (linked to the step by its intent), the step not yet advanced to waiting for it.</summary>
    public static bool StepJobStored(string operation, object? result) =>
        operation == nameof(IJobStore.ConfirmScheduledAsync) && result is ConfirmOutcome.Stored;
}
