using System.Data.Common;
using System.Diagnostics;

namespace Fota.Api.Storage;

/// <summary>
/// The <c>upgrade_path_jobs</c> table over the <see cref="SqlDialect"/>. Writes clients can see carry their change event
/// (serialized by the owner's <see cref="IUpgradePathPayload"/>) in the same transaction; every flow write is conditional on
/// the claim and on the job not being final, so a cancel is never undone.
/// </summary>
public sealed class UpgradePathStore(SqlDialect dialect, IUpgradePathPayload payload, IChangeEventWakeUp changeEvents) : IUpgradePathStore
{
    private const string Columns = """
        job_id, device_id, account, target, upgrade_path, status, status_detail, reported_version, changed_at, created_at_ms,
        is_final, step, step_bundle_id, intent_id, nrf_job_id, started_from, report_deadline_ms, cancel_state, cancel_attempts
        """;

    private const string Due = """
        next_run_at_ms <= @now AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)
        AND (NOT is_final OR (cancel_state = 'PENDING' AND nrf_job_id IS NOT NULL))
        """;

    public async Task<bool> TryInsertAsync(StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command($"""
                INSERT INTO upgrade_path_jobs (job_id, device_id, account, target, upgrade_path, status, status_detail, reported_version,
                    changed_at, created_at_ms, is_final, step, step_bundle_id, intent_id, nrf_job_id, started_from, report_deadline_ms,
                    cancel_state, cancel_attempts, next_run_at_ms)
                VALUES (@jobId, @deviceId, @account, @target, @upgradePath, @status, @statusDetail, @reportedVersion,
                    @changedAt, @createdAt, @isFinal, @step, @stepBundleId, @intentId, @nrfJobId, @startedFrom, @reportDeadline,
                    @cancelState, @cancelAttempts, @createdAt);
                {ChangeEventRows.InsertSql(dialect)}
                """, transaction);
        WithJob(command, job).With("account", job.Account).With("target", job.Target).With("upgradePath", job.UpgradePath).With("createdAt", job.CreatedAt);
        ChangeEventRows.With(command, new ChangeEventRow(job.DeviceId, payload.Serialize(job), Activity.Current?.Id));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException exception) when (dialect.IsUniqueViolation(exception))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return true;
    }

    public async Task<IReadOnlyList<StoredUpgradePathJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
                SELECT {Columns} FROM upgrade_path_jobs WHERE device_id = @deviceId ORDER BY created_at_ms DESC, seq DESC LIMIT @limit;
                """)
            .With("deviceId", deviceId)
            .With("limit", limit);
        return await StoredRows.ReadAllAsync(command, Row, cancellationToken);
    }

    public async Task<StoredUpgradePathJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM upgrade_path_jobs WHERE job_id = @jobId;").With("jobId", jobId);
        return (await StoredRows.ReadAllAsync(command, Row, cancellationToken)).SingleOrDefault();
    }

    /// <summary>SQLite: one writer at a time; PostgreSQL: the chosen rows are locked, and rows another claim is taking are skipped.</summary>
    public async Task<IReadOnlyList<StoredUpgradePathJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
                UPDATE upgrade_path_jobs SET claimed_by = @owner, claimed_until_ms = @claimUntil
                WHERE seq IN (
                    SELECT seq FROM upgrade_path_jobs WHERE {Due}
                    ORDER BY next_run_at_ms, seq
                    LIMIT @batchSize
                    {dialect.SkipLocked})
                RETURNING {Columns};
                """)
            .With("owner", owner)
            .With("claimUntil", claimUntil)
            .With("now", now)
            .With("batchSize", batchSize);
        return await StoredRows.ReadAllAsync(command, Row, cancellationToken);
    }

    /// <summary>
    /// The job as it was is read (locked) in the transaction of the update, so the event is
    /// written exactly when clients see a difference. The nRF Cloud job id the v1 store linked to the step's intent
    /// meanwhile is kept unless the write starts another step (another intent).
    /// </summary>
    public async Task<StoredUpgradePathJob?> AdvanceAsync(
        string owner, StoredUpgradePathJob next, DateTimeOffset nextRunAt, bool keepClaim, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command($"""
                SELECT {Columns} FROM upgrade_path_jobs WHERE job_id = @jobId AND claimed_by = @owner AND NOT is_final {dialect.LockRows};
                UPDATE upgrade_path_jobs
                SET status = @status, status_detail = @statusDetail, reported_version = @reportedVersion, changed_at = @changedAt,
                    is_final = @isFinal, step = @step, step_bundle_id = @stepBundleId,
                    nrf_job_id = CASE WHEN intent_id IS NOT DISTINCT FROM @intentId THEN COALESCE(@nrfJobId, nrf_job_id) ELSE @nrfJobId END,
                    intent_id = @intentId, started_from = @startedFrom, report_deadline_ms = @reportDeadline,
                    cancel_state = @cancelState, cancel_attempts = @cancelAttempts, next_run_at_ms = @nextRunAt,
                    claimed_by = CASE WHEN @keepClaim THEN claimed_by ELSE NULL END,
                    claimed_until_ms = CASE WHEN @keepClaim THEN claimed_until_ms ELSE NULL END
                WHERE job_id = @jobId AND claimed_by = @owner AND NOT is_final
                RETURNING {Columns};
                """, transaction)
            .With("owner", owner)
            .With("nextRunAt", nextRunAt)
            .With("keepClaim", keepClaim);
        WithJob(command, next);
        StoredUpgradePathJob? before;
        StoredUpgradePathJob? after;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            before = (await StoredRows.ReadRestAsync(reader, Row, cancellationToken)).SingleOrDefault();
            await reader.NextResultAsync(cancellationToken);
            after = (await StoredRows.ReadRestAsync(reader, Row, cancellationToken)).SingleOrDefault();
        }

        if (before is null || after is null)
        {
            return null;
        }

        var visible = after.VisiblyDiffersFrom(before);
        if (visible)
        {
            await WriteEventAsync(connection, transaction, after, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (visible)
        {
            changeEvents.Committed();
        }

        return after;
    }

    /// <summary>
    /// The cancel ignores claims: a flow step holding the job finds it final when it writes, and writes nothing. A cancel at
    /// nRF Cloud is owed while the step may have a running job (steps 2 and 3); it becomes due once the job's id is known.
    /// </summary>
    public Task<StoredUpgradePathJob?> CancelAsync(
        string jobId, string deviceId, string statusDetail, string timestamp, DateTimeOffset now, CancellationToken cancellationToken) =>
        EventedUpdate.OneRowAsync(
            dialect,
            changeEvents,
            $"""
                UPDATE upgrade_path_jobs
                SET status = 'FAILED', status_detail = @statusDetail, changed_at = @changedAt, is_final = TRUE,
                    cancel_state = CASE WHEN step IN ('{UpgradePathSteps.Start}', '{UpgradePathSteps.WaitForCloud}') THEN 'PENDING' ELSE 'NONE' END,
                    step = '{UpgradePathSteps.Done}', next_run_at_ms = @now, claimed_by = NULL, claimed_until_ms = NULL
                WHERE job_id = @jobId AND device_id = @deviceId AND NOT is_final
                RETURNING {Columns};
                """,
            command => command
                .With("jobId", jobId)
                .With("deviceId", deviceId)
                .With("statusDetail", statusDetail)
                .With("changedAt", timestamp)
                .With("now", now),
            Row,
            cancelled => (cancelled.DeviceId, payload.Serialize(cancelled)),
            cancellationToken);

    public async Task SaveCancelOutcomeAsync(
        string owner, string jobId, string cancelState, int attempts, DateTimeOffset nextRunAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
                UPDATE upgrade_path_jobs
                SET cancel_state = @cancelState, cancel_attempts = @attempts, next_run_at_ms = @nextRunAt, claimed_by = NULL, claimed_until_ms = NULL
                WHERE job_id = @jobId AND claimed_by = @owner;
                """)
            .With("owner", owner)
            .With("jobId", jobId)
            .With("cancelState", cancelState)
            .With("attempts", attempts)
            .With("nextRunAt", nextRunAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE upgrade_path_jobs SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = @owner;")
            .With("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteEventAsync(DbConnection connection, DbTransaction transaction, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(ChangeEventRows.InsertSql(dialect), transaction);
        ChangeEventRows.With(command, new ChangeEventRow(job.DeviceId, payload.Serialize(job), Activity.Current?.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The columns every write sets from the record.</summary>
    private static DbCommand WithJob(DbCommand command, StoredUpgradePathJob job) =>
        command.With("jobId", job.JobId)
            .With("deviceId", job.DeviceId)
            .With("status", job.Status)
            .With("statusDetail", job.StatusDetail)
            .With("reportedVersion", job.ReportedVersion)
            .With("changedAt", job.Timestamp)
            .With("isFinal", job.IsFinal)
            .With("step", job.Step)
            .With("stepBundleId", job.StepBundleId)
            .With("intentId", job.IntentId)
            .With("nrfJobId", job.NrfJobId)
            .With("startedFrom", job.StartedFrom)
            .WithMilliseconds("reportDeadline", job.ReportDeadline)
            .With("cancelState", job.CancelState)
            .With("cancelAttempts", job.CancelAttempts);

    private static StoredUpgradePathJob Row(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        row.GetString(6),
        row.GetString(7),
        row.GetString(8),
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        row.GetBoolean(10),
        row.GetString(11),
        row.IsDBNull(12) ? null : row.GetString(12),
        row.IsDBNull(13) ? null : row.GetString(13),
        row.IsDBNull(14) ? null : row.GetString(14),
        row.GetString(15),
        row.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(16)),
        row.GetString(17),
        row.GetInt32(18));
}
