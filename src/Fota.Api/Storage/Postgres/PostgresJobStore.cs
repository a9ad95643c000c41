using Fota.Api.Fota;
using Npgsql;
using NpgsqlTypes;

namespace Fota.Api.Storage.Postgres;

/// <summary>
/// <see cref="IJobStore"/> on PostgreSQL. Claims lock the rows they take with <c>FOR UPDATE SKIP LOCKED</c>, so instances
/// claiming at once take different jobs without waiting for each other. Every change clients can see is written with its
/// change event in one transaction (<see cref="PostgresChangeEvents"/>), which also sends a <c>NOTIFY</c> that PostgreSQL
/// delivers only after commit (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class PostgresJobStore(PostgresDatabase database, IChangeEventWakeUp changeEvents) : IJobStore
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
    /// Records the intent, unless an open intent or a running job of the same device and bundle is in the way. The insert
    /// comes first: a concurrent insert or confirm of the same pair holds the unique index until it commits, so the look at
    /// the jobs that follows (a new snapshot under READ COMMITTED) sees a job confirmed meanwhile.
    /// </summary>
    public async Task<ScheduleBegin> TryBeginScheduleAsync(ScheduleIntent intent, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(ScheduleIntentSql.Begin, connection, transaction);
        insert.Parameters.AddWithValue("intentId", intent.IntentId);
        insert.Parameters.AddWithValue("deviceId", intent.DeviceId);
        insert.Parameters.AddWithValue("account", intent.Account);
        insert.Parameters.AddWithValue("bundleId", intent.BundleId);
        insert.Parameters.AddWithValue("createdAt", intent.CreatedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("reconcileAt", reconcileAt.ToUnixTimeMilliseconds());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return new ScheduleBegin(await ScalarAsync(connection, transaction, ScheduleIntentSql.OpenIntent, intent, cancellationToken) ?? "(resolved meanwhile)", null);
        }

        if (await ScalarAsync(connection, transaction, ScheduleIntentSql.RunningJob, intent, cancellationToken) is { } jobId)
        {
            return new ScheduleBegin(null, jobId);
        }

        await transaction.CommitAsync(cancellationToken);
        return ScheduleBegin.Started;
    }

    public Task<bool> ConfirmScheduledAsync(string intentId, StoredJob job, CancellationToken cancellationToken) =>
        StoreIntentJobAsync(intentId, owner: null, job, cancellationToken);

    public Task<bool> AdoptAsync(string intentId, string owner, StoredJob job, CancellationToken cancellationToken) =>
        StoreIntentJobAsync(intentId, owner, job, cancellationToken);

    public async Task<IReadOnlyList<string>> ListAccountsToReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.AccountsDue, connection);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        return await StoredRows.ReadAllAsync(command, row => row.GetString(0), cancellationToken);
    }

    /// <summary>Rows another instance is claiming right now are skipped, not waited for (<c>FOR UPDATE SKIP LOCKED</c>).</summary>
    public async Task<IReadOnlyList<ScheduleIntent>> ClaimIntentsAsync(
        string account, string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.Claim(lockClause: "FOR UPDATE SKIP LOCKED"), connection);
        command.Parameters.AddWithValue("account", account);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("batchSize", batchSize);
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    public async Task<bool> ResolveNothingCreatedAsync(string intentId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.DeleteClaimed, connection);
        command.Parameters.AddWithValue("intentId", intentId);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RetryIntentAsync(
        string intentId, string owner, string state, string detail, DateTimeOffset now, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.Retry, connection);
        command.Parameters.AddWithValue("intentId", intentId);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("detail", detail);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("nextAttemptAt", nextAttemptAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AbandonScheduleAsync(string intentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.Delete, connection);
        command.Parameters.AddWithValue("intentId", intentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkOutcomeUnknownAsync(string intentId, string detail, DateTimeOffset now, DateTimeOffset reconcileAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ScheduleIntentSql.MarkUnknown, connection);
        command.Parameters.AddWithValue("intentId", intentId);
        command.Parameters.AddWithValue("detail", detail);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("reconcileAt", reconcileAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduleIntent>> ListIntentsAsync(string? deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {StoredRows.IntentColumns} FROM fota_job_intents
            WHERE @deviceId::text IS NULL OR device_id = @deviceId::text
            ORDER BY created_at_ms, intent_id;
            """, connection);
        command.Parameters.Add(NullableText("deviceId", deviceId));
        return await StoredRows.ReadAllAsync(command, StoredRows.Intent, cancellationToken);
    }

    public async Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE fota_jobs SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = @owner;", connection);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The job and its change event stored and the intent dropped, in one transaction; with an <paramref name="owner"/>,
    /// only while its claim holds the intent. False, with nothing written, when the claim is gone or the job id is stored.
    /// </summary>
    private async Task<bool> StoreIntentJobAsync(string intentId, string? owner, StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand(owner is null ? ScheduleIntentSql.Delete : ScheduleIntentSql.DeleteClaimed, connection, transaction);
        delete.Parameters.AddWithValue("intentId", intentId);
        delete.Parameters.Add(NullableText("owner", owner));
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0 && owner is not null)
        {
            return false;
        }

        try
        {
            await InsertJobAsync(connection, transaction, job, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return true;
    }

    /// <summary>The job's row, its change event and NOTIFY, in the caller's transaction.</summary>
    private static async Task InsertJobAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredJob job, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var command = new NpgsqlBatchCommand("""
            INSERT INTO fota_jobs (job_id, device_id, account, bundle_id, status, status_detail, version,
                                   last_updated_at, created_at_ms, is_final, next_poll_at_ms)
            VALUES (@jobId, @deviceId, @account, @bundleId, @status, @statusDetail, @version,
                    @lastUpdatedAt, @createdAt, FALSE, @createdAt);
            """);
        command.Parameters.AddWithValue("jobId", job.JobId);
        command.Parameters.AddWithValue("deviceId", job.DeviceId);
        command.Parameters.AddWithValue("account", job.Account);
        command.Parameters.AddWithValue("bundleId", job.BundleId);
        command.Parameters.AddWithValue("status", job.Status);
        command.Parameters.Add(NullableText("statusDetail", job.StatusDetail));
        command.Parameters.AddWithValue("version", job.Version);
        command.Parameters.AddWithValue("lastUpdatedAt", job.LastUpdatedAt);
        command.Parameters.AddWithValue("createdAt", job.CreatedAt.ToUnixTimeMilliseconds());
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeEvents.LockSql));
        batch.BatchCommands.Add(command);
        batch.BatchCommands.Add(PostgresChangeEvents.Insert(FotaJobExecution.From(job)));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeEvents.NotifySql));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, ScheduleIntent intent, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("deviceId", intent.DeviceId);
        command.Parameters.AddWithValue("bundleId", intent.BundleId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private const string ListForDeviceSql = $"""
        SELECT {StoredRows.JobColumns} FROM fota_jobs
        WHERE device_id = @deviceId
        ORDER BY created_at_ms DESC, seq DESC
        LIMIT @limit;
        """;

    public async Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ListForDeviceSql, connection);
        command.Parameters.AddWithValue("deviceId", deviceId);
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
    }

    public async Task<DeviceWithJobs> FindDeviceWithJobsAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var device = new NpgsqlBatchCommand($"SELECT {StoredRows.DeviceColumns} FROM devices WHERE device_id = @deviceId;");
        device.Parameters.AddWithValue("deviceId", deviceId);
        var jobs = new NpgsqlBatchCommand(ListForDeviceSql);
        jobs.Parameters.AddWithValue("deviceId", deviceId);
        jobs.Parameters.AddWithValue("limit", limit);
        batch.BatchCommands.Add(device);
        batch.BatchCommands.Add(jobs);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var found = (await StoredRows.ReadRestAsync(reader, StoredRows.Device, cancellationToken)).SingleOrDefault();
        await reader.NextResultAsync(cancellationToken);
        return new DeviceWithJobs(found, await StoredRows.ReadRestAsync(reader, StoredRows.Job, cancellationToken));
    }

    public async Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.JobColumns} FROM fota_jobs WHERE job_id = @jobId;";
        command.Parameters.AddWithValue("jobId", jobId);
        var jobs = await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // FairClaim chooses, then the outer query locks the chosen rows.
        // Rows another instance is claiming right now are skipped, not waited for; a row whose claim was committed in
        // between is re-checked against the due condition by PostgreSQL before it is locked.
        command.CommandText = $"""
            UPDATE fota_jobs
            SET claimed_by = @owner, claimed_until_ms = @claimUntil
            WHERE seq IN (
                SELECT seq FROM fota_jobs
                WHERE seq IN ({FairClaim.SelectSeqs(skipAccounts.Count)}) AND {FairClaim.DueCondition}
                FOR UPDATE SKIP LOCKED)
            RETURNING {StoredRows.ClaimColumns};
            """;
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("batchSize", batchSize);
        FairClaim.AddSkipped(command, skipAccounts);
        return await StoredRows.ReadAllAsync(command, StoredRows.Claim(claimUntil), cancellationToken);
    }

    public async Task<int> SavePollOutcomesAsync(string owner, IReadOnlyList<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One round trip for the whole group: the event lock, then one statement per outcome that also says whether the job
        // as clients see it changed; then a second round trip with the events of the changed jobs.
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeEvents.LockSql));
        foreach (var outcome in outcomes)
        {
            var command = new NpgsqlBatchCommand(outcome.Update is null
                ? """
                  UPDATE fota_jobs
                  SET next_poll_at_ms = @nextPollAt, poll_count = @pollCount, claimed_by = NULL, claimed_until_ms = NULL
                  WHERE job_id = @jobId AND claimed_by = @owner
                  RETURNING device_id, status, status_detail, last_updated_at, version, FALSE;
                  """
                : """
                  WITH old AS (
                      SELECT seq, status, status_detail, last_updated_at, version FROM fota_jobs
                      WHERE job_id = @jobId AND claimed_by = @owner AND NOT is_final
                      FOR UPDATE)
                  UPDATE fota_jobs j
                  SET status = @status, status_detail = @statusDetail, version = @version,
                      last_updated_at = CASE WHEN @keep THEN j.last_updated_at ELSE @lastUpdatedAt END,
                      is_final = @isFinal, next_poll_at_ms = @nextPollAt, poll_count = @pollCount,
                      claimed_by = NULL, claimed_until_ms = NULL
                  FROM old
                  WHERE j.seq = old.seq
                  RETURNING j.device_id, j.status, j.status_detail, j.last_updated_at, j.version,
                      (j.status, j.status_detail, j.last_updated_at, j.version)
                          IS DISTINCT FROM (old.status, old.status_detail, old.last_updated_at, old.version);
                  """);
            if (outcome.Update is { } state)
            {
                command.Parameters.AddWithValue("status", state.Status);
                command.Parameters.Add(NullableText("statusDetail", state.StatusDetail));
                command.Parameters.AddWithValue("version", state.Version);
                command.Parameters.AddWithValue("lastUpdatedAt", state.LastUpdatedAt);
                command.Parameters.AddWithValue("keep", outcome.KeepLastUpdatedAt);
                command.Parameters.AddWithValue("isFinal", state.IsFinal);
            }

            command.Parameters.AddWithValue("nextPollAt", outcome.NextPollAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("pollCount", outcome.UnchangedPolls);
            command.Parameters.AddWithValue("jobId", outcome.JobId);
            command.Parameters.AddWithValue("owner", owner);
            batch.BatchCommands.Add(command);
        }

        var written = 0;
        await using var events = new NpgsqlBatch(connection, transaction);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                await reader.NextResultAsync(cancellationToken); // past the lock's result, then each outcome's
                if (!await reader.ReadAsync(cancellationToken))
                {
                    continue; // the claim is no longer ours
                }

                written++;
                if (reader.GetBoolean(5))
                {
                    events.BatchCommands.Add(PostgresChangeEvents.Insert(new FotaJobExecution(
                        FotaJobExecution.ContextUrl,
                        outcomes[i].JobId,
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4))));
                }
            }
        }

        if (events.BatchCommands.Count > 0)
        {
            events.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeEvents.NotifySql));
            await events.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (events.BatchCommands.Count > 0)
        {
            changeEvents.Committed();
        }

        return written;
    }

    public async Task<StoredJob?> CancelAsync(string jobId, string statusDetail, string lastUpdatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockEvents = new NpgsqlCommand(PostgresChangeEvents.LockSql, connection, transaction))
        {
            await lockEvents.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand($"""
            UPDATE fota_jobs
            SET status = 'CANCELLED', status_detail = @statusDetail, last_updated_at = @lastUpdatedAt, is_final = TRUE
            WHERE job_id = @jobId AND NOT is_final
            RETURNING {StoredRows.JobColumns};
            """, connection, transaction);
        command.Parameters.AddWithValue("jobId", jobId);
        command.Parameters.AddWithValue("statusDetail", statusDetail);
        command.Parameters.AddWithValue("lastUpdatedAt", lastUpdatedAt);
        var cancelled = await StoredRows.ReadAllAsync(command, StoredRows.Job, cancellationToken);
        if (cancelled.Count == 0)
        {
            return null;
        }

        // The cancel is a job change: its event is written in the transaction that stores it.
        await using var events = new NpgsqlBatch(connection, transaction);
        events.BatchCommands.Add(PostgresChangeEvents.Insert(FotaJobExecution.From(cancelled[0])));
        events.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeEvents.NotifySql));
        await events.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return cancelled[0];
    }


    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

}
