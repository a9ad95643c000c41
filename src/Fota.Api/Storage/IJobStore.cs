namespace Fota.Api.Storage;

/// <summary>
/// The <c>fota_jobs</c> table: the API's reads and writes, and the poller's claims. One implementation (<see cref="JobStore"/>)
/// for every database, through its <see cref="SqlDialect"/>; <c>StorageTests</c> (<c>SqliteStorageTests</c>,
/// <c>PostgresStorageTests</c>) and <c>ScheduleIntentStoreTests</c> run on both.
/// </summary>
public interface IJobStore
{
    Task InsertAsync(StoredJob job, CancellationToken cancellationToken);

    /// <summary>The device's most recent jobs, newest first by creation (insertion order breaks ties).</summary>
    Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken);

    Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due, non-final, unclaimed (or lease-expired) jobs for <paramref name="owner"/>
    /// until <paramref name="claimUntil"/>, the jobs due longest first, none of <paramref name="skipAccounts"/> (accounts that
    /// hold their share of the poller already, <see cref="FairClaim"/>). No job is claimed by two owners at once.
    /// </summary>
    Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken);

    /// <summary>
    /// Writes poll outcomes in one transaction and releases their claims; an outcome whose claim is no longer ours
    /// (the lease ran out and another instance took the job) is skipped. Returns how many were written.
    /// </summary>
    Task<int> SavePollOutcomesAsync(string owner, IReadOnlyList<PollOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a non-final job <c>CANCELLED</c> with its change event, in one transaction: the job as stored now, or null when
    /// it was final already and nothing changed. A poll outcome saved later never overwrites it.
    /// </summary>
    Task<StoredJob?> CancelAsync(string jobId, string statusDetail, string lastUpdatedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records the intent to create a job (PENDING, due for reconciliation at <paramref name="reconcileAt"/> should its
    /// instance die mid-create), unless the same device and bundle have an open intent (PENDING or UNKNOWN) or a job that is
    /// not final: then nothing is written and the result names what is in the way (the caller answers 409).
    /// </summary>
    Task<ScheduleBegin> TryBeginScheduleAsync(ScheduleIntent intent, DateTimeOffset reconcileAt, CancellationToken cancellationToken);

    /// <summary>
    /// nRF Cloud created the job: stores it (QUEUED, with its change event) and drops the intent, in one transaction; or
    /// writes nothing when a job with this id is stored already.
    /// </summary>
    Task<ConfirmOutcome> ConfirmScheduledAsync(string intentId, StoredJob job, CancellationToken cancellationToken);

    /// <summary>nRF Cloud certainly made no job: the intent goes.</summary>
    Task AbandonScheduleAsync(string intentId, CancellationToken cancellationToken);

    /// <summary>nRF Cloud may have made a job: the intent stays, as UNKNOWN, reconciled from <paramref name="reconcileAt"/>.</summary>
    Task MarkOutcomeUnknownAsync(string intentId, string detail, DateTimeOffset now, DateTimeOffset reconcileAt, CancellationToken cancellationToken);

    /// <summary>The accounts with intents due for reconciliation at <paramref name="now"/> and claimed by no one.</summary>
    Task<IReadOnlyList<string>> ListAccountsToReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due, unclaimed (or lease-expired) intents of <paramref name="account"/> for
    /// <paramref name="owner"/> until <paramref name="claimUntil"/>. No intent is claimed by two owners at once.
    /// </summary>
    Task<IReadOnlyList<ScheduleIntent>> ClaimIntentsAsync(
        string account, string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Reconciliation found the intent's job at nRF Cloud: stores it with its change event and drops the intent, in one
    /// transaction. False (nothing written) when <paramref name="owner"/>'s claim is gone or the job id is stored already.
    /// </summary>
    Task<bool> AdoptAsync(string intentId, string owner, StoredJob job, CancellationToken cancellationToken);

    /// <summary>Reconciliation found that nothing was created: the intent goes, while <paramref name="owner"/>'s claim holds it.</summary>
    Task<bool> ResolveNothingCreatedAsync(string intentId, string owner, CancellationToken cancellationToken);

    /// <summary>Keeps a claimed intent with <paramref name="state"/> and <paramref name="detail"/>, due again at <paramref name="nextAttemptAt"/>, and releases the claim.</summary>
    Task RetryIntentAsync(
        string intentId, string owner, string state, string detail, DateTimeOffset now, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>The intents not (yet) resolved into a job, oldest first; <paramref name="deviceId"/> null means every device.</summary>
    Task<IReadOnlyList<ScheduleIntent>> ListIntentsAsync(string? deviceId, CancellationToken cancellationToken);

    /// <summary>Gives back every claim of <paramref name="owner"/> (a stopping poller), so another instance takes the jobs at once.</summary>
    Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken);
}
