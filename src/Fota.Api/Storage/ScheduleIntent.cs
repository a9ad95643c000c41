namespace Fota.Api.Storage;

/// <summary>
/// A schedule request between "about to create the job at nRF Cloud" and "stored as a job" (table <c>fota_job_intents</c>).
/// <see cref="ScheduleIntentStates.Pending"/> while the create runs; <see cref="ScheduleIntentStates.Unknown"/> when
/// nRF Cloud may have created a job that the service could not learn the id of (kept for reconciliation by
/// <c>ScheduleReconciler</c>). At most one PENDING or UNKNOWN intent exists per device and bundle (a unique index).
/// </summary>
public sealed record ScheduleIntent(
    string IntentId,
    string DeviceId,
    string Account,
    string BundleId,
    string State,
    string? Detail,
    DateTimeOffset CreatedAt);

public static class ScheduleIntentStates
{
    public const string Pending = "PENDING";
    public const string Unknown = "UNKNOWN";

    /// <summary>Reconciliation ended without an answer (<c>Fota:Reconcile:GiveUpAfter</c>): kept for an operator, blocks nothing.</summary>
    public const string GaveUp = "GAVE_UP";
}

/// <summary>
/// What <c>IJobStore.TryBeginScheduleAsync</c> found: nothing in the way (<see cref="Begun"/>), or the open intent or the
/// running job of the same device and bundle that keeps a second schedule out.
/// </summary>
public sealed record ScheduleBegin(string? BlockingIntentId, string? BlockingJobId)
{
    public static readonly ScheduleBegin Started = new(null, null);

    public bool Begun => BlockingIntentId is null && BlockingJobId is null;
}
