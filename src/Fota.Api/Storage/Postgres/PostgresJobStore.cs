using Npgsql;
using NpgsqlTypes;

namespace Fota.Api.Storage.Postgres;

/// <summary>
/// <see cref="IJobStore"/> on PostgreSQL. Claims lock the rows they take with <c>FOR UPDATE SKIP LOCKED</c>, so instances
/// claiming at once take different jobs without waiting for each other. Every stored change sends a <c>NOTIFY</c> in its
/// transaction, which PostgreSQL delivers only after commit (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class PostgresJobStore(PostgresDatabase database) : IJobStore
{
    public async Task InsertAsync(StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO fota_jobs (job_id, device_id, account, bundle_id, status, status_detail, version,
                                   last_updated_at, created_at_ms, is_final, next_poll_at_ms)
            VALUES (@jobId, @deviceId, @account, @bundleId, @status, @statusDetail, @version,
                    @lastUpdatedAt, @createdAt, FALSE, @createdAt);
            {PostgresChangeListener.NotifySql}
            """;
        command.Parameters.AddWithValue("jobId", job.JobId);
        command.Parameters.AddWithValue("deviceId", job.DeviceId);
        command.Parameters.AddWithValue("account", job.Account);
        command.Parameters.AddWithValue("bundleId", job.BundleId);
        command.Parameters.AddWithValue("status", job.Status);
        command.Parameters.Add(NullableText("statusDetail", job.StatusDetail));
        command.Parameters.AddWithValue("version", job.Version);
        command.Parameters.AddWithValue("lastUpdatedAt", job.LastUpdatedAt);
        command.Parameters.AddWithValue("createdAt", job.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {JobColumns} FROM fota_jobs
            WHERE device_id = @deviceId
            ORDER BY created_at_ms DESC, seq DESC
            LIMIT @limit;
            """;
        command.Parameters.AddWithValue("deviceId", deviceId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadJobsAsync(command, cancellationToken);
    }

    public async Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JobColumns} FROM fota_jobs WHERE job_id = @jobId;";
        command.Parameters.AddWithValue("jobId", jobId);
        var jobs = await ReadJobsAsync(command, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Rows another instance is claiming right now are skipped, not waited for; a row whose claim was committed in
        // between is re-checked against the WHERE clause by PostgreSQL before it is locked.
        command.CommandText = """
            UPDATE fota_jobs
            SET claimed_by = @owner, claimed_until_ms = @claimUntil
            WHERE seq IN (
                SELECT seq FROM fota_jobs
                WHERE NOT is_final AND next_poll_at_ms <= @now
                  AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)
                ORDER BY next_poll_at_ms
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED)
            RETURNING job_id, account, status, status_detail, version, created_at_ms, poll_count;
            """;
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("batchSize", batchSize);
        var claimed = new List<ClaimedJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedJob(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.GetInt32(6),
                claimUntil));
        }

        return claimed;
    }

    public async Task<int> SavePollOutcomesAsync(string owner, IReadOnlyList<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One round trip for the whole group: a batch of one statement per outcome.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var outcome in outcomes)
        {
            var command = new NpgsqlBatchCommand(outcome.Update is null
                ? """
                  UPDATE fota_jobs
                  SET next_poll_at_ms = @nextPollAt, poll_count = @pollCount, claimed_by = NULL, claimed_until_ms = NULL
                  WHERE job_id = @jobId AND claimed_by = @owner;
                  """
                : """
                  UPDATE fota_jobs
                  SET status = @status, status_detail = @statusDetail, version = @version,
                      last_updated_at = CASE WHEN @keep THEN last_updated_at ELSE @lastUpdatedAt END,
                      is_final = @isFinal, next_poll_at_ms = @nextPollAt, poll_count = @pollCount,
                      claimed_by = NULL, claimed_until_ms = NULL
                  WHERE job_id = @jobId AND claimed_by = @owner;
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

        if (outcomes.Any(o => o.Update is not null))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresChangeListener.NotifySql));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var written = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            written += batch.BatchCommands[i].RecordsAffected;
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private const string JobColumns =
        "job_id, device_id, account, bundle_id, status, status_detail, version, last_updated_at, created_at_ms";

    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static async Task<IReadOnlyList<StoredJob>> ReadJobsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<StoredJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new StoredJob(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
        }

        return jobs;
    }
}
