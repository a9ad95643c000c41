using System.Data.Common;
using System.Text.Json;
using Fota.Api.Fota;
using Fota.Api.Http;
using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage;

/// <summary>
/// Writes change events (the outbox of SPEC 3.4) inside the transaction that stores the change, so an event exists exactly
/// when its change was committed. Each event carries a monotonically increasing id, the device id and the job execution
/// as sent to clients. SQLite runs one write transaction at a time, so ids become visible in id order and a follower that
/// reads "after the last id it saw" skips nothing.
/// </summary>
public static class ChangeEvents
{
    /// <summary>Writes one event for <paramref name="execution"/>. Call it inside the transaction that stores the change.</summary>
    public static async Task WriteAsync(
        SqliteConnection connection, DbTransaction transaction, FotaJobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(execution);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """
            INSERT INTO change_events (device_id, payload, created_at_ms)
            VALUES ($deviceId, $payload, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
            """;
        command.Parameters.AddWithValue("$deviceId", execution.DeviceId);
        command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(execution, FotaJsonContext.Default.FotaJobExecution));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> (one statement on job <paramref name="jobId"/> inside <paramref name="transaction"/>) and
    /// writes an event when the job as clients see it (status, statusDetail, version, lastUpdatedAt) was created or changed
    /// by it. Returns what <paramref name="write"/> returned.
    /// </summary>
    public static async Task<int> TrackAsync(
        SqliteConnection connection, DbTransaction transaction, string jobId, Func<Task<int>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var before = await ReadExecutionAsync(connection, transaction, jobId, cancellationToken);
        var written = await write();
        var after = await ReadExecutionAsync(connection, transaction, jobId, cancellationToken);
        if (after is not null && after != before)
        {
            await WriteAsync(connection, transaction, after, cancellationToken);
        }

        return written;
    }

    private static async Task<FotaJobExecution?> ReadExecutionAsync(
        SqliteConnection connection, DbTransaction transaction, string jobId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """
            SELECT device_id, status, status_detail, last_updated_at, version FROM fota_jobs WHERE job_id = $jobId;
            """;
        command.Parameters.AddWithValue("$jobId", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FotaJobExecution(
                FotaJobExecution.ContextUrl,
                jobId,
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4))
            : null;
    }
}
