using System.Data.Common;
using Fota.Api.Fota;
using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage.Sqlite;

/// <summary>
/// Queries on the <c>fota_jobs</c> and <c>fota_job_intents</c> tables: the API's reads and writes, schedule intents,
/// and the poller's claims. Every write of a job runs in a transaction of its own method, with its change event.
/// </summary>
public sealed class SqliteJobStore(SqliteDatabase database, IChangeEventWakeUp changeEvents) : IJobStore
{
    /// <summary>Stores a job directly (tests, seeding). Scheduling stores through <see cref="ConfirmScheduledAsync"/>.</summary>
    public async Task InsertAsync(StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertJobAsync(connection, transaction, job, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
    }

    /// <summary>
    /// Records the intent, unless an open intent or a running job of the same device and bundle is in the way. The
    /// transaction is <c>BEGIN IMMEDIATE</c> (one writer at a time, across processes sharing the file), so the insert and
    /// the look at the jobs decide together.
    /// </summary>
    public async Task<ScheduleBegin> TryBeginScheduleAsync(ScheduleIntent intent, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = Command(connection, ScheduleIntentSql.Begin);
        insert.Parameters.AddWithValue("@intentId", intent.IntentId);
        insert.Parameters.AddWithValue("@deviceId", intent.DeviceId);
        insert.Parameters.AddWithValue("@account", intent.Account);
        insert.Parameters.AddWithValue("@bundleId", intent.BundleId);
        insert.Parameters.AddWithValue("@createdAt", intent.CreatedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("@reconcileAt", reconcileAt.ToUnixTimeMilliseconds());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return new ScheduleBegin(await ScalarAsync(connection, ScheduleIntentSql.OpenIntent, intent, cancellationToken) ?? "(resolved meanwhile)", null);
        }

        if (await ScalarAsync(connection, ScheduleIntentSql.RunningJob, intent, cancellationToken) is { } jobId)
        {
            return new ScheduleBegin(null, jobId);
        }

        await transaction.CommitAsync(cancellationToken);
        return ScheduleBegin.Started;
    }

    /// <summary>nRF Cloud created the job: stores it (QUEUED, due for its first poll) and drops the intent, in one transaction.</summary>
    public Task<bool> ConfirmScheduledAsync(string intentId, StoredJob job, CancellationToken cancellationToken) =>
        StoreIntentJobAsync(intentId, owner: null, job, cancellationToken);

    public Task<bool> AdoptAsync(string intentId, string owner, StoredJob job, CancellationToken cancellationToken) =>
        StoreIntentJobAsync(intentId, owner, job, cancellationToken);

    public async Task<IReadOnlyList<string>> ListAccountsToReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.AccountsDue);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        return await StoredRows.ReadAllAsync(command, row => row.GetString(0), cancellationToken);
    }

    /// <summary>One statement; SQLite runs one writer at a time, so two owners never claim the same intent.</summary>
    public async Task<IReadOnlyList<ScheduleIntent>> ClaimIntentsAsync(
        string account, string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.Claim(lockClause: ""));
        command.Parameters.AddWithValue("@account", account);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@batchSize", batchSize);
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    public async Task<bool> ResolveNothingCreatedAsync(string intentId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.DeleteClaimed);
        command.Parameters.AddWithValue("@intentId", intentId);
        command.Parameters.AddWithValue("@owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RetryIntentAsync(
        string intentId, string owner, string state, string detail, DateTimeOffset now, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.Retry);
        command.Parameters.AddWithValue("@intentId", intentId);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@state", state);
        command.Parameters.AddWithValue("@detail", detail);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@nextAttemptAt", nextAttemptAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The job and its change event stored and the intent dropped, in one transaction; with an <paramref name="owner"/>,
    /// only while its claim holds the intent. False, with nothing written, when the claim is gone or the job id is stored.
    /// </summary>
    private async Task<bool> StoreIntentJobAsync(string intentId, string? owner, StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = Command(connection, owner is null ? ScheduleIntentSql.Delete : ScheduleIntentSql.DeleteClaimed);
        delete.Parameters.AddWithValue("@intentId", intentId);
        delete.Parameters.AddWithValue("@owner", (object?)owner ?? DBNull.Value);
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0 && owner is not null)
        {
            return false;
        }

        try
        {
            await InsertJobAsync(connection, transaction, job, cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteUniqueViolation)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return true;
    }

    /// <summary>SQLITE_CONSTRAINT_UNIQUE: on <c>fota_jobs</c>, only <c>job_id</c> is unique.</summary>
    private const int SqliteUniqueViolation = 2067;

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, ScheduleIntent intent, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        command.Parameters.AddWithValue("@deviceId", intent.DeviceId);
        command.Parameters.AddWithValue("@bundleId", intent.BundleId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>nRF Cloud certainly made no job (it refused, or was never reached): the intent goes.</summary>
    public async Task AbandonScheduleAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.Delete);
        command.Parameters.AddWithValue("@intentId", intentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>nRF Cloud may have made a job: the intent stays, as UNKNOWN, for reconciliation.</summary>
    public async Task MarkOutcomeUnknownAsync(string intentId, string detail, DateTimeOffset now, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, ScheduleIntentSql.MarkUnknown);
        command.Parameters.AddWithValue("@intentId", intentId);
        command.Parameters.AddWithValue("@detail", detail);
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@reconcileAt", reconcileAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The intents not (yet) resolved into a job, oldest first; <paramref name="deviceId"/> null means every device.</summary>
    public async Task<IReadOnlyList<ScheduleIntent>> ListIntentsAsync(string? deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredRows.IntentColumns} FROM fota_job_intents
            WHERE $deviceId IS NULL OR device_id = $deviceId
            ORDER BY created_at_ms, intent_id;
            """;
        command.Parameters.AddWithValue("$deviceId", (object?)deviceId ?? DBNull.Value);
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    /// <summary>Gives back every claim of <paramref name="owner"/> (a stopping poller), so another instance takes the jobs at once.</summary>
    public async Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE fota_jobs SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = $owner;";
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The job's row and its change event (clients are sent the stored QUEUED job), in the caller's transaction.</summary>
    private static async Task InsertJobAsync(SqliteConnection connection, DbTransaction transaction, StoredJob job, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO fota_jobs (job_id, device_id, account, bundle_id, status, status_detail, version,
                                   last_updated_at, created_at_ms, is_final, next_poll_at_ms)
            VALUES ($jobId, $deviceId, $account, $bundleId, $status, $statusDetail, $version,
                    $lastUpdatedAt, $createdAt, 0, $createdAt);
            """;
        command.Parameters.AddWithValue("$jobId", job.JobId);
        command.Parameters.AddWithValue("$deviceId", job.DeviceId);
        command.Parameters.AddWithValue("$account", job.Account);
        command.Parameters.AddWithValue("$bundleId", job.BundleId);
        command.Parameters.AddWithValue("$status", job.Status);
        command.Parameters.AddWithValue("$statusDetail", (object?)job.StatusDetail ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", job.Version);
        command.Parameters.AddWithValue("$lastUpdatedAt", job.LastUpdatedAt);
        command.Parameters.AddWithValue("$createdAt", job.CreatedAt.ToUnixTimeMilliseconds());
        await ChangeEvents.TrackAsync(connection, transaction, job.JobId, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
    }

    private const string ListForDeviceSql = $"""
        SELECT {StoredRows.JobColumns} FROM fota_jobs
        WHERE device_id = $deviceId
        ORDER BY created_at_ms DESC, seq DESC
        LIMIT $limit;
        """;

    /// <summary>The device's most recent jobs, newest first by creation (insertion order breaks ties).</summary>
    public async Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListForDeviceSql;
        command.Parameters.AddWithValue("$deviceId", deviceId);
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
    }

    public async Task<DeviceWithJobs> FindDeviceWithJobsAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DeviceColumns} FROM devices WHERE device_id = $deviceId;" + ListForDeviceSql;
        command.Parameters.AddWithValue("$deviceId", deviceId);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = (await StoredRows.ReadRestAsync(reader, StoredRows.Device, cancellationToken)).SingleOrDefault();
        await reader.NextResultAsync(cancellationToken);
        return new DeviceWithJobs(found, await StoredRows.ReadRestAsync(reader, StoredRows.Job, cancellationToken));
    }

    public async Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.JobColumns} FROM fota_jobs WHERE job_id = $jobId;";
        command.Parameters.AddWithValue("$jobId", jobId);
        var jobs = await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    /// <summary>
    /// Claims the due jobs <see cref="FairClaim"/> chooses for <paramref name="owner"/> in one statement. SQLite runs one
    /// writer at a time, so two instances never claim the same job.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE fota_jobs
            SET claimed_by = @owner, claimed_until_ms = @claimUntil
            WHERE seq IN ({FairClaim.SelectSeqs(skipAccounts.Count)})
            RETURNING {StoredRows.ClaimColumns};
            """;
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@batchSize", batchSize);
        FairClaim.AddSkipped(command, skipAccounts);
        return await StoredRows.ReadAllAsync(command, StoredRows.Claim(claimUntil), cancellationToken);
    }

    /// <summary>
    /// Writes poll outcomes in one transaction and releases their claims; an outcome whose claim is no longer ours
    /// (the lease ran out and another instance took the job) is skipped, and so is a new state for a job that became
    /// final while it was polled (a cancel): a final job is never overwritten. Returns how many were written.
    /// </summary>
    public async Task<int> SavePollOutcomesAsync(string owner, IReadOnlyList<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE fota_jobs
            SET status = $status, status_detail = $statusDetail, version = $version,
                last_updated_at = CASE WHEN $keep = 1 THEN last_updated_at ELSE $lastUpdatedAt END,
                is_final = $isFinal, next_poll_at_ms = $nextPollAt, poll_count = $pollCount,
                claimed_by = NULL, claimed_until_ms = NULL
            WHERE job_id = $jobId AND claimed_by = $owner AND is_final = 0;
            """;
        await using var reschedule = connection.CreateCommand();
        reschedule.CommandText = """
            UPDATE fota_jobs
            SET next_poll_at_ms = $nextPollAt, poll_count = $pollCount, claimed_by = NULL, claimed_until_ms = NULL
            WHERE job_id = $jobId AND claimed_by = $owner;
            """;

        var written = 0;
        foreach (var outcome in outcomes)
        {
            var command = outcome.Update is null ? reschedule : update;
            command.Parameters.Clear();
            if (outcome.Update is { } state)
            {
                command.Parameters.AddWithValue("$status", state.Status);
                command.Parameters.AddWithValue("$statusDetail", (object?)state.StatusDetail ?? DBNull.Value);
                command.Parameters.AddWithValue("$version", state.Version);
                command.Parameters.AddWithValue("$lastUpdatedAt", state.LastUpdatedAt);
                command.Parameters.AddWithValue("$keep", outcome.KeepLastUpdatedAt ? 1 : 0);
                command.Parameters.AddWithValue("$isFinal", state.IsFinal ? 1 : 0);
            }

            command.Parameters.AddWithValue("$nextPollAt", outcome.NextPollAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$pollCount", outcome.UnchangedPolls);
            command.Parameters.AddWithValue("$jobId", outcome.JobId);
            command.Parameters.AddWithValue("$owner", owner);
            written += await ChangeEvents.TrackAsync(connection, transaction, outcome.JobId, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return written;
    }

    /// <summary>
    /// Marks a job <c>CANCELLED</c> (final) with <paramref name="statusDetail"/> and <paramref name="lastUpdatedAt"/>, only if it
    /// is not final: the job as stored now, or null when it was final already and nothing changed. A poll holding a claim
    /// on the job keeps it until it ends; its outcome then changes nothing (<see cref="SavePollOutcomesAsync"/>).
    /// </summary>
    public async Task<StoredJob?> CancelAsync(string jobId, string statusDetail, string lastUpdatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE fota_jobs
            SET status = 'CANCELLED', status_detail = $statusDetail, last_updated_at = $lastUpdatedAt, is_final = 1
            WHERE job_id = $jobId AND is_final = 0
            RETURNING {StoredRows.JobColumns};
            """;
        command.Parameters.AddWithValue("$jobId", jobId);
        command.Parameters.AddWithValue("$statusDetail", statusDetail);
        command.Parameters.AddWithValue("$lastUpdatedAt", lastUpdatedAt);
        var cancelled = await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
        if (cancelled.Count == 0)
        {
            return null;
        }

        // The cancel is a job change: its event is written in the transaction that stores it.
        await ChangeEvents.WriteAsync(connection, transaction, FotaJobExecution.From(cancelled[0]), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return cancelled[0];
    }


}
