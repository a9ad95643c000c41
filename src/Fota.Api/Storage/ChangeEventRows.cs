using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>The outbox rows a store writes in the transaction of a change (SPEC §3.4), the same for every table that has changes.</summary>
public static class ChangeEventRows
{
    /// <summary>
    /// The dialect's event-order lock, one event's row (stamped by the database clock), then the dialect's wake-up of other
    /// instances. Run it after the transaction's row writes (<see cref="SqlDialect.EventOrderLock"/>).
    /// </summary>
    public static string InsertSql(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.EventOrderLock + "\n" + RowSql(dialect) + dialect.EventNotify;
    }

    /// <summary>
    /// The parameters of <see cref="InsertSql"/>: the event's device, message and the W3C traceparent of its cause (the
    /// notification's span links to it; null when nothing traced the change).
    /// </summary>
    public static void With(DbCommand command, ChangeEventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        command.With("eventDevice", row.DeviceId).With("eventPayload", row.Payload).With("eventTrace", row.TraceParent);
    }

    /// <summary>
    /// The event-order lock, one row per event, then the dialect's wake-up, as statements of <paramref name="batch"/>. Add
    /// them after the transaction's row writes (<see cref="SqlDialect.EventOrderLock"/>).
    /// </summary>
    public static void AddTo(StatementBatch batch, SqlDialect dialect, IEnumerable<ChangeEventRow> rows)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(rows);
        if (dialect.EventOrderLock is { } orderLock)
        {
            batch.Add(orderLock);
        }

        var rowSql = RowSql(dialect);
        foreach (var row in rows)
        {
            batch.Add(rowSql).With("eventDevice", row.DeviceId).With("eventPayload", row.Payload).With("eventTrace", row.TraceParent);
        }

        if (dialect.EventNotify is { } notify)
        {
            batch.Add(notify);
        }
    }

    private static string RowSql(SqlDialect dialect) =>
        $"INSERT INTO change_events (device_id, payload, created_at_ms, trace_parent) VALUES (@eventDevice, @eventPayload, {dialect.NowMs}, @eventTrace);\n";
}

/// <summary>One outbox row: the device, the message its clients get, and the W3C traceparent of the change's cause.</summary>
public sealed record ChangeEventRow(string DeviceId, string Payload, string? TraceParent);
