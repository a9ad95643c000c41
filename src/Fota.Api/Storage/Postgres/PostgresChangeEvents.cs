using System.Text.Json;
using Fota.Api.Fota;
using Fota.Api.Http;
using Npgsql;

namespace Fota.Api.Storage.Postgres;

/// <summary>
/// Writes change events (the outbox) on PostgreSQL, as batch commands of the transaction that stores the change. Unlike
/// SQLite, PostgreSQL commits concurrent transactions in any order, so identity ids alone could become visible out of order
/// and a follower reading "after the last id it saw" would skip one. Every transaction that writes events therefore takes
/// <see cref="LockSql"/> first (before any row lock, so it cannot deadlock): event ids are allocated and committed one
/// transaction at a time, in id order, across all instances. The same transaction sends <see cref="NotifySql"/>.
/// </summary>
public static class PostgresChangeEvents
{
    /// <summary>The database clock in Unix milliseconds (SQLite's events use its own clock the same way).</summary>
    public const string NowMs = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    /// <summary>The advisory lock ("fota-evt" in ASCII) that orders event writers; held until commit.</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(7308901952856208500);";

    /// <summary>Delivered to every listening instance after commit, never for a rolled-back change.</summary>
    public const string NotifySql = PostgresChangeListener.NotifySql;

    /// <summary>An event for <paramref name="execution"/> (the job execution as clients receive it).</summary>
    public static NpgsqlBatchCommand Insert(FotaJobExecution execution)
    {
        var command = new NpgsqlBatchCommand($"INSERT INTO change_events (device_id, payload, created_at_ms) VALUES (@deviceId, @payload, {NowMs});");
        command.Parameters.AddWithValue("deviceId", execution.DeviceId);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(execution, FotaJsonContext.Default.FotaJobExecution));
        return command;
    }
}
