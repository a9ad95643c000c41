namespace Fota.Api.Storage;

/// <summary>
/// An upgrade-path job (SPEC §2.10, §3.6) as stored: what clients see (status, statusDetail, reportedVersion, timestamp)
/// and where its durable flow stands (<see cref="Step"/> and the step's data). <see cref="UpgradePath"/> and
/// <see cref="StartedFrom"/> are text their owner (the flow) writes and reads; Storage does not look inside.
/// </summary>
/// <param name="JobId">The job's id (a ULID).</param>
/// <param name="DeviceId">The device.</param>
/// <param name="Account">The device's nRF Cloud account when the job was scheduled.</param>
/// <param name="Target">app or modem.</param>
/// <param name="UpgradePath">The path as the owner serialized it (entries in the order written).</param>
/// <param name="Status">NEW, IN_PROGRESS, SUCCEEDED or FAILED.</param>
/// <param name="StatusDetail">What the status means now.</param>
/// <param name="ReportedVersion">The version the current (or last) step started from.</param>
/// <param name="Timestamp">The last visible change, service-made (§2.3 format).</param>
/// <param name="CreatedAt">When it was scheduled (orders the list).</param>
/// <param name="IsFinal">SUCCEEDED or FAILED.</param>
/// <param name="Step">The flow's step (<see cref="UpgradePathSteps"/>).</param>
/// <param name="StepBundleId">The bundle of the step started from <see cref="ReportedVersion"/>.</param>
/// <param name="IntentId">The schedule intent of that step's nRF Cloud create (recorded before the create).</param>
/// <param name="NrfJobId">The v1 job that create made (linked in the transaction that stores the v1 job).</param>
/// <param name="StartedFrom">The versions the job started a step from, as the owner serialized them (loop detection).</param>
/// <param name="ReportDeadline">Step 4's deadline for the device's report.</param>
/// <param name="CancelState">Whether a cancel at nRF Cloud is owed (<see cref="UpgradePathCancelStates"/>).</param>
/// <param name="CancelAttempts">Failed attempts of that cancel so far.</param>
public sealed record StoredUpgradePathJob(
    string JobId,
    string DeviceId,
    string Account,
    string Target,
    string UpgradePath,
    string Status,
    string StatusDetail,
    string ReportedVersion,
    string Timestamp,
    DateTimeOffset CreatedAt,
    bool IsFinal,
    string Step,
    string? StepBundleId,
    string? IntentId,
    string? NrfJobId,
    string StartedFrom,
    DateTimeOffset? ReportDeadline,
    string CancelState,
    int CancelAttempts)
{
    /// <summary>Whether <paramref name="other"/> differs in what clients see (a change event is owed).</summary>
    public bool VisiblyDiffersFrom(StoredUpgradePathJob other) =>
        Status != other.Status || StatusDetail != other.StatusDetail || ReportedVersion != other.ReportedVersion;
}

/// <summary>The flow's steps (SPEC §3.6) as stored.</summary>
public static class UpgradePathSteps
{
    /// <summary>Step 1: choose the next bundle for <see cref="StoredUpgradePathJob.ReportedVersion"/>.</summary>
    public const string Next = "NEXT";

    /// <summary>Step 2: the step is recorded (intent id included); create its nRF Cloud job.</summary>
    public const string Start = "START";

    /// <summary>Step 3: wait for the step's nRF Cloud job to end.</summary>
    public const string WaitForCloud = "WAIT_CLOUD";

    /// <summary>Step 4: wait for the device to report another version.</summary>
    public const string WaitForDevice = "WAIT_DEVICE";

    /// <summary>The job is final.</summary>
    public const string Done = "DONE";
}

/// <summary>Whether a cancelled job still owes nRF Cloud the cancel of its step's job.</summary>
public static class UpgradePathCancelStates
{
    public const string None = "NONE";
    public const string Pending = "PENDING";
    public const string Done = "DONE";
    public const string GaveUp = "GAVE_UP";
}

/// <summary>The message a change event of an upgrade-path job carries, as its owner serializes it (§2.11).</summary>
public interface IUpgradePathPayload
{
    string Serialize(StoredUpgradePathJob job);
}
