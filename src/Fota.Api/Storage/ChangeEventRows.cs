using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>The outbox rows a store writes in the transaction of a change (SPEC §3.4), the same for every table that has changes.</summary>
public static class ChangeEventRows
{
    /// <summary>One outbox row per event (stamped by the database clock), then the dialect's wake-up of other instances.</summary>
    public static string InsertSql(SqlDialect dialect, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i =>
            $"INSERT INTO change_events (device_id, payload, created_at_ms) VALUES (@eventDevice{i}, @eventPayload{i}, {dialect.NowMs});\n"))
        + dialect.EventNotify;

    /// <summary>The parameters of <see cref="InsertSql"/>: each event's device and message.</summary>
    public static void With(DbCommand command, IReadOnlyList<(string DeviceId, string Payload)> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            command.With($"eventDevice{i}", events[i].DeviceId).With($"eventPayload{i}", events[i].Payload);
        }
    }
}
