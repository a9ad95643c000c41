namespace Fota.Api.Storage;

/// <summary>
/// The <c>upgrade_path_jobs</c> table (SPEC §2.10, §3.6): the /v2 API's reads and writes and the flow's claims. Every change
/// clients can see is written with its change event (the outbox) in one transaction. One implementation
/// (<see cref="UpgradePathStore"/>) for every database; <c>UpgradePathStoreTests</c> run on both.
/// </summary>
public interface IUpgradePathStore
{
    /// <summary>
    /// Stores a new job with its change event; false (nothing written) when the device has a non-final job for the same
    /// target — the unique index decides, so it holds under any concurrency and across instances.
    /// </summary>
    Task<bool> TryInsertAsync(StoredUpgradePathJob job, CancellationToken cancellationToken);

    /// <summary>The device's most recent jobs, newest first by creation.</summary>
    Task<IReadOnlyList<StoredUpgradePathJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken);

    Task<StoredUpgradePathJob?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due jobs for <paramref name="owner"/> until <paramref name="claimUntil"/>: non-final
    /// jobs whose next run is due, and final ones that owe nRF Cloud a cancel. No job is claimed by two owners at once.
    /// </summary>
    Task<IReadOnlyList<StoredUpgradePathJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the flow's next state of a job <paramref name="owner"/> holds and that is not final (a cancel made it final:
    /// nothing is written), with a change event when clients see a difference; due again at <paramref name="nextRunAt"/>.
    /// <paramref name="keepClaim"/> keeps the claim (the flow goes on with the job in this pass). Null when nothing was written.
    /// </summary>
    Task<StoredUpgradePathJob?> AdvanceAsync(
        string owner, StoredUpgradePathJob next, DateTimeOffset nextRunAt, bool keepClaim, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the device's non-final job in one stored change (FAILED with <paramref name="statusDetail"/>, its change event,
    /// and a cancel at nRF Cloud owed when its step may have a running nRF Cloud job). Null when nothing changed: the job
    /// is unknown, another device's, or final (the caller tells which with <see cref="FindAsync"/>).
    /// </summary>
    Task<StoredUpgradePathJob?> CancelAsync(
        string jobId, string deviceId, string statusDetail, string timestamp, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a cancel at nRF Cloud for a claimed final job, due again at <paramref name="nextRunAt"/>; releases the claim.</summary>
    Task SaveCancelOutcomeAsync(
        string owner, string jobId, string cancelState, int attempts, DateTimeOffset nextRunAt, CancellationToken cancellationToken);

    /// <summary>Gives back every claim of <paramref name="owner"/> (a stopping flow), so another instance resumes at once.</summary>
    Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken);
}
