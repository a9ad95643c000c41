namespace Fota.Api.Storage;

/// <summary>
/// The <c>fota_jobs</c> table: the API's reads and writes, and the poller's claims. One behaviour on every database
/// (SQLite in <c>Sqlite/</c>, PostgreSQL in <c>Postgres/</c>); the tests in <c>StoreBehaviourTests</c> run on both.
/// </summary>
public interface IJobStore
{
    Task InsertAsync(StoredJob job, CancellationToken cancellationToken);

    /// <summary>The device's most recent jobs, newest first by creation (insertion order breaks ties).</summary>
    Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken);

    Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due, non-final, unclaimed (or lease-expired) jobs for <paramref name="owner"/>
    /// until <paramref name="claimUntil"/>, the jobs due longest first. No job is claimed by two owners at once.
    /// </summary>
    Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken);

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
}
