using System.Data.Common;
using System.Diagnostics;
using Fota.Api.Telemetry;

namespace Fota.Api.Storage;

/// <summary>
/// The <c>fota_jobs</c> and <c>fota_job_intents</c> tables: the API's reads and writes, schedule intents, and the claims of
/// the poller and of reconciliation. Every change clients can see is written with its change event (the outbox) in one
/// transaction; the <see cref="SqlDialect"/> orders the events' ids and wakes other instances.
/// </summary>
public sealed class JobStore(SqlDialect dialect, IChangeEventPayload payload, IChangeEventWakeUp changeEvents) : IJobStore
{
    /// <summary>The columns of a job as clients see it (<see cref="JobChange"/>, without its id).</summary>
    private const string ViewColumns = "device_id, status, status_detail, last_updated_at, version";

    /// <summary>Poll outcomes (and their change events) per round trip (<see cref="StatementBatch"/>).</summary>
    private const int OutcomesPerCommand = 1000;

    private const string ListForDeviceSql = $"""
        SELECT {StoredRows.JobColumns} FROM fota_jobs
        WHERE device_id = @deviceId
        ORDER BY created_at_ms DESC, seq DESC
        LIMIT @limit;
        """;

    /// <summary>Stores a job directly (tests, seeding). Scheduling stores through <see cref="ConfirmScheduledAsync"/>.</summary>
    public async Task InsertAsync(StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertJobAsync(connection, transaction, job, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
    }

    public async Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ListForDeviceSql).With("deviceId", deviceId).With("limit", limit);
        return await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
    }

    public async Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {StoredRows.JobColumns} FROM fota_jobs WHERE job_id = @jobId;").With("jobId", jobId);
        return (await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Claims the due jobs <see cref="FairClaim"/> chooses for <paramref name="owner"/> in one statement; no job is claimed by
    /// two instances (SQLite: one writer at a time; PostgreSQL: <see cref="SqlDialect.SkipLocked"/>).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
                UPDATE fota_jobs
                SET claimed_by = @owner, claimed_until_ms = @claimUntil
                WHERE seq IN ({FairClaim.SelectSeqs(skipAccounts.Count)} {dialect.SkipLocked})
                RETURNING {StoredRows.ClaimColumns};
                """)
            .With("owner", owner)
            .With("claimUntil", claimUntil)
            .With("now", now)
            .With("batchSize", batchSize);
        FairClaim.AddSkipped(command, skipAccounts);
        return await StoredRows.ReadAllAsync(command, StoredRows.Claim(claimUntil), cancellationToken);
    }

    /// <summary>
    /// Writes poll outcomes in one transaction and releases their claims; an outcome whose claim is no longer ours is skipped,
    /// and so is a new state for a job that became final while it was polled (a cancel): a final job is never overwritten.
    /// Each outcome reads the job as clients see it before its update, so an event is written only for a visible change.
    /// </summary>
    public async Task<int> SavePollOutcomesAsync(string owner, IReadOnlyList<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = new List<JobChange>();
        var written = 0;
        foreach (var group in outcomes.Chunk(OutcomesPerCommand))
        {
            written += await SaveGroupAsync(connection, transaction, owner, group, changes, cancellationToken);
        }

        if (changes.Count > 0)
        {
            await WriteEventsAsync(connection, transaction, changes, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (changes.Count > 0)
        {
            changeEvents.Committed();
        }

        return written;
    }

    /// <summary>
    /// One round trip (<see cref="StatementBatch"/>). A new state: the job as it was (locked) and as it is after the update, in
    /// one statement where the dialect has one (<see cref="SqlDialect.UpdateReturningBefore"/>), else two. A failed poll's
    /// reschedule: one statement, and never an event (it changes nothing clients see).
    /// </summary>
    private async Task<int> SaveGroupAsync(
        DbConnection connection, DbTransaction transaction, string owner, PollOutcome[] group, List<JobChange> changes, CancellationToken cancellationToken)
    {
        var batch = new StatementBatch(connection, transaction);
        var reads = new List<Func<DbDataReader, Task>>();
        var views = new (JobChange? Before, JobChange? After)[group.Length];
        for (var i = 0; i < group.Length; i++)
        {
            var (outcome, index) = (group[i], i);
            if (outcome.Update is not { } state)
            {
                batch.Add(RescheduleSql).With("jobId", outcome.JobId).With("owner", owner)
                    .With("nextPollAt", outcome.NextPollAt).With("pollCount", outcome.UnchangedPolls);
                reads.Add(async reader => views[index] = await ReadChangeAsync(reader, outcome.JobId, cancellationToken) is { } same ? (same, same) : default);
                continue;
            }

            if (_updateReturningBefore is null)
            {
                batch.Add(LockedViewSql).With("jobId", outcome.JobId).With("owner", owner);
                reads.Add(async reader => views[index].Before = await ReadChangeAsync(reader, outcome.JobId, cancellationToken));
            }

            batch.Add(_updateReturningBefore ?? UpdateSql).With("jobId", outcome.JobId).With("owner", owner)
                .With("nextPollAt", outcome.NextPollAt).With("pollCount", outcome.UnchangedPolls)
                .With("status", state.Status)
                .With("statusDetail", state.StatusDetail)
                .With("version", state.Version)
                .With("lastUpdatedAt", state.LastUpdatedAt)
                .With("isFinal", state.IsFinal);
            reads.Add(_updateReturningBefore is null
                ? async reader => views[index].After = await ReadChangeAsync(reader, outcome.JobId, cancellationToken)
                : async reader => views[index] = await ReadBeforeAndAfterAsync(reader, outcome.JobId, cancellationToken));
        }

        await batch.ReadEachAsync((i, reader) => reads[i](reader), cancellationToken);

        var written = 0;
        for (var i = 0; i < group.Length; i++)
        {
            var (before, after) = views[i];
            if (after is null)
            {
                continue; // the claim is no longer ours, or the job became final
            }

            written++;
            if (group[i].Update is { IsFinal: true })
            {
                FotaTelemetry.JobFinal(after.Status);
            }

            if (after != before)
            {
                changes.Add(after with { TraceParent = group[i].TraceParent });
            }
        }

        return written;
    }

    private string LockedViewSql => $"SELECT {ViewColumns} FROM fota_jobs WHERE job_id = @jobId AND claimed_by = @owner {dialect.LockRows};";

    private const string RescheduleSql = $"""
        UPDATE fota_jobs
        SET next_poll_at_ms = @nextPollAt, poll_count = @pollCount, claimed_by = NULL, claimed_until_ms = NULL
        WHERE job_id = @jobId AND claimed_by = @owner
        RETURNING {ViewColumns};
        """;

    private const string UpdateSet = """
        status = @status, status_detail = @statusDetail, version = @version,
        last_updated_at = COALESCE(@lastUpdatedAt, last_updated_at),
        is_final = @isFinal, next_poll_at_ms = @nextPollAt, poll_count = @pollCount,
        claimed_by = NULL, claimed_until_ms = NULL
        """;

    private const string UpdateWhere = "job_id = @jobId AND claimed_by = @owner AND NOT is_final";

    private const string UpdateSql = $"UPDATE fota_jobs SET {UpdateSet} WHERE {UpdateWhere} RETURNING {ViewColumns};";

    private static readonly int ViewColumnCount = ViewColumns.Split(',').Length;

    private readonly string? _updateReturningBefore = dialect.UpdateReturningBefore("fota_jobs", UpdateWhere, UpdateSet, ViewColumns);

    /// <summary>The job as clients see it (<see cref="ViewColumns"/>) from the result's row; null without one.</summary>
    private static async Task<JobChange?> ReadChangeAsync(DbDataReader reader, string jobId, CancellationToken cancellationToken) =>
        (await StoredRows.ReadRestAsync(reader, row => ChangeAt(row, jobId, 0), cancellationToken)).SingleOrDefault();

    /// <summary>The row of <see cref="SqlDialect.UpdateReturningBefore"/>: the view as it was, then as it is; nulls without a row.</summary>
    private static async Task<(JobChange? Before, JobChange? After)> ReadBeforeAndAfterAsync(DbDataReader reader, string jobId, CancellationToken cancellationToken) =>
        await StoredRows.ReadRestAsync(reader, row => (ChangeAt(row, jobId, 0), ChangeAt(row, jobId, ViewColumnCount)), cancellationToken) is [var (before, after)]
            ? (before, after)
            : default;

    private static JobChange ChangeAt(DbDataReader row, string jobId, int offset) =>
        new(jobId, row.GetString(offset), row.GetString(offset + 1), row.IsDBNull(offset + 2) ? null : row.GetString(offset + 2), row.GetString(offset + 3), row.GetString(offset + 4));

    /// <summary>
    /// Marks a job <c>CANCELLED</c> (final) only if it is not final, with its change event, in one transaction: the job as stored
    /// now, or null when it was final already. A poll holding a claim keeps it until it ends; its outcome then changes nothing.
    /// </summary>
    public async Task<StoredJob?> CancelAsync(string jobId, string statusDetail, string lastUpdatedAt, CancellationToken cancellationToken)
    {
        var cancelled = await EventedUpdate.OneRowAsync(
            dialect,
            changeEvents,
            $"""
                UPDATE fota_jobs
                SET status = 'CANCELLED', status_detail = @statusDetail, last_updated_at = @lastUpdatedAt, is_final = TRUE
                WHERE job_id = @jobId AND NOT is_final
                RETURNING {StoredRows.JobColumns};
                """,
            command => command
                .With("jobId", jobId)
                .With("statusDetail", statusDetail)
                .With("lastUpdatedAt", lastUpdatedAt),
            StoredRows.Job,
            job => (job.DeviceId, payload.Serialize(JobChange.From(job))),
            cancellationToken);
        if (cancelled is not null)
        {
            FotaTelemetry.JobFinal(cancelled.Status);
        }

        return cancelled;
    }

    /// <summary>
    /// Records the intent, unless an open intent or a running job of the same device and bundle is in the way. The insert
    /// comes first: on SQLite the transaction holds the write lock; on PostgreSQL a concurrent insert or confirm of the same
    /// pair holds the unique index until it commits, so the look at the jobs that follows (a new snapshot under READ
    /// COMMITTED) sees a job confirmed meanwhile.
    /// </summary>
    public async Task<ScheduleBegin> TryBeginScheduleAsync(ScheduleIntent intent, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command(ScheduleIntentSql.Begin, transaction)
            .With("intentId", intent.IntentId)
            .With("deviceId", intent.DeviceId)
            .With("account", intent.Account)
            .With("bundleId", intent.BundleId)
            .With("createdAt", intent.CreatedAt)
            .With("reconcileAt", reconcileAt);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return new ScheduleBegin.BlockedByIntent(await PairScalarAsync(ScheduleIntentSql.OpenIntent) ?? "(resolved meanwhile)");
        }

        if (await PairScalarAsync(ScheduleIntentSql.RunningJob) is { } jobId)
        {
            return new ScheduleBegin.BlockedByJob(jobId);
        }

        await transaction.CommitAsync(cancellationToken);
        return ScheduleBegin.Started;

        async Task<string?> PairScalarAsync(string sql)
        {
            await using var command = connection.Command(sql, transaction).With("deviceId", intent.DeviceId).With("bundleId", intent.BundleId);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
    }

    public async Task<ConfirmOutcome> ConfirmScheduledAsync(string intentId, StoredJob job, CancellationToken cancellationToken) =>
        await StoreIntentJobAsync(intentId, owner: null, job, cancellationToken) ? ConfirmOutcome.Stored : ConfirmOutcome.DuplicateJobId;

    public Task<bool> AdoptAsync(string intentId, string owner, StoredJob job, CancellationToken cancellationToken) =>
        StoreIntentJobAsync(intentId, owner, job, cancellationToken);

    public async Task AbandonScheduleAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.Delete).With("intentId", intentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkOutcomeUnknownAsync(string intentId, string detail, DateTimeOffset now, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.MarkUnknown)
            .With("intentId", intentId)
            .With("detail", detail)
            .With("now", now)
            .With("reconcileAt", reconcileAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAccountsToReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.AccountsDue).With("now", now);
        return await StoredRows.ReadAllAsync(command, row => row.GetString(0), cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduleIntent>> ClaimIntentsAsync(
        string account, string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.Claim(dialect.SkipLocked))
            .With("account", account)
            .With("owner", owner)
            .With("now", now)
            .With("claimUntil", claimUntil)
            .With("batchSize", batchSize);
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    public async Task<bool> ResolveNothingCreatedAsync(string intentId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.DeleteClaimed).With("intentId", intentId).With("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RetryIntentAsync(
        string intentId, string owner, string state, string detail, DateTimeOffset now, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(ScheduleIntentSql.Retry)
            .With("intentId", intentId)
            .With("owner", owner)
            .With("state", state)
            .With("detail", detail)
            .With("now", now)
            .With("nextAttemptAt", nextAttemptAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduleIntent>> ListIntentsAsync(string? deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
                SELECT {StoredRows.IntentColumns} FROM fota_job_intents
                WHERE @deviceId IS NULL OR device_id = @deviceId
                ORDER BY created_at_ms, intent_id;
                """)
            .With("deviceId", deviceId);
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    public async Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE fota_jobs SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = @owner;")
            .With("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The job and its change event stored and the intent dropped, in one transaction; with an <paramref name="owner"/>,
    /// only while its claim holds the intent. False, with nothing written, when the claim is gone or the job id is stored.
    /// </summary>
    private async Task<bool> StoreIntentJobAsync(string intentId, string? owner, StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = connection.Command(owner is null ? ScheduleIntentSql.Delete : ScheduleIntentSql.DeleteClaimed, transaction)
            .With("intentId", intentId)
            .With("owner", owner);
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0 && owner is not null)
        {
            return false;
        }

        // The upgrade-path step's row is written before the job and its event: nothing waits for a row after the event-order lock.
        await using (var link = connection.Command(UpgradePathSql.LinkStepJob, transaction).With("intentId", intentId).With("jobId", job.JobId))
        {
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await InsertJobAsync(connection, transaction, job, cancellationToken);
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            return false; // nothing is committed, the link neither
        }

        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return true;
    }

    /// <summary>The job's row (due for its first poll at once) and its change event, in the caller's transaction, in one round trip.</summary>
    private async Task InsertJobAsync(DbConnection connection, DbTransaction transaction, StoredJob job, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"""
                INSERT INTO fota_jobs (job_id, device_id, account, bundle_id, status, status_detail, version,
                                       last_updated_at, created_at_ms, is_final, next_poll_at_ms)
                VALUES (@jobId, @deviceId, @account, @bundleId, @status, @statusDetail, @version,
                        @lastUpdatedAt, @createdAt, FALSE, @createdAt);
                {ChangeEventRows.InsertSql(dialect)}
                """, transaction)
            .With("jobId", job.JobId)
            .With("deviceId", job.DeviceId)
            .With("account", job.Account)
            .With("bundleId", job.BundleId)
            .With("status", job.Status)
            .With("statusDetail", job.StatusDetail)
            .With("version", job.Version)
            .With("lastUpdatedAt", job.LastUpdatedAt)
            .With("createdAt", job.CreatedAt);
        ChangeEventRows.With(command, EventOf(JobChange.From(job)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteEventsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<JobChange> changes, CancellationToken cancellationToken)
    {
        foreach (var group in changes.Chunk(OutcomesPerCommand))
        {
            var batch = new StatementBatch(connection, transaction);
            ChangeEventRows.AddTo(batch, dialect, group.Select(EventOf));
            await batch.ExecuteAsync(cancellationToken);
        }
    }

    private ChangeEventRow EventOf(JobChange change) =>
        new(change.DeviceId, payload.Serialize(change), change.TraceParent ?? Activity.Current?.Id);
}
