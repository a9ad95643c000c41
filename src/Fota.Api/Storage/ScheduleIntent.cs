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
/// What <c>IJobStore.TryBeginScheduleAsync</c> found: nothing in the way (<see cref="Started"/>), or what keeps a second
/// schedule of the same device and bundle out — its open intent or its running job.
/// </summary>
public abstract record ScheduleBegin
{
    public static readonly ScheduleBegin Started = new StartedBegin();

    private ScheduleBegin()
    {
    }

    /// <summary>The intent is recorded: the create may be sent.</summary>
    public sealed record StartedBegin : ScheduleBegin;

    /// <summary>An intent of the same device and bundle is open (being created, or its outcome is being reconciled).</summary>
    public sealed record BlockedByIntent(string IntentId) : ScheduleBegin;

    /// <summary>A job of the same device and bundle has not ended.</summary>
    public sealed record BlockedByJob(string JobId) : ScheduleBegin;
}

/// <summary>What storing the job nRF Cloud created did.</summary>
public enum ConfirmOutcome
{
    /// <summary>The job is stored with its change event and the intent is gone.</summary>
    Stored,

    /// <summary>A job with that id is stored already (nRF Cloud answered with the id of a job the service tracks): nothing stored.</summary>
    DuplicateJobId,
}
