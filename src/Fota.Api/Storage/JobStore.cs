using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage;

/// <summary>Queries on the <c>fota_jobs</c> table: the API's reads and writes, and the poller's claims.</summary>
public sealed class JobStore(SqliteDatabase database, IChangeEventWakeUp changeEvents)
{
    public async Task InsertAsync(StoredJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
    }

    /// <summary>The device's most recent jobs, newest first by creation (insertion order breaks ties).</summary>
    public async Task<IReadOnlyList<StoredJob>> ListForDeviceAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {JobColumns} FROM fota_jobs
            WHERE device_id = $deviceId
            ORDER BY created_at_ms DESC, seq DESC
            LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$deviceId", deviceId);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadJobsAsync(command, cancellationToken);
    }

    public async Task<StoredJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JobColumns} FROM fota_jobs WHERE job_id = $jobId;";
        command.Parameters.AddWithValue("$jobId", jobId);
        var jobs = await ReadJobsAsync(command, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due, non-final, unclaimed (or lease-expired) jobs for <paramref name="owner"/>
    /// in one statement. SQLite runs one writer at a time, so two instances never claim the same job.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE fota_jobs
            SET claimed_by = $owner, claimed_until_ms = $claimUntil
            WHERE seq IN (
                SELECT seq FROM fota_jobs
                WHERE is_final = 0 AND next_poll_at_ms <= $now
                  AND (claimed_until_ms IS NULL OR claimed_until_ms <= $now)
                ORDER BY next_poll_at_ms
                LIMIT $batchSize)
            RETURNING job_id, account, status, status_detail, version, created_at_ms, poll_count;
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$claimUntil", claimUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$batchSize", batchSize);
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

    /// <summary>
    /// Writes poll outcomes in one transaction and releases their claims; an outcome whose claim is no longer ours
    /// (the lease ran out and another instance took the job) is skipped. Returns how many were written.
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
            WHERE job_id = $jobId AND claimed_by = $owner;
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

    private const string JobColumns =
        "job_id, device_id, account, bundle_id, status, status_detail, version, last_updated_at, created_at_ms";

    private static async Task<IReadOnlyList<StoredJob>> ReadJobsAsync(SqliteCommand command, CancellationToken cancellationToken)
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
