namespace Fota.Api.Storage;

/// <summary>The device-state tables' statements both databases run as written (<see cref="DeviceStateStore"/>).</summary>
public static class DeviceStateSql
{
    /// <summary>
    /// Migration 5: the last state read per device (<c>reported</c> as nRF Cloud sent it, the state message made of it and the
    /// id of the change event that carried it), who watches a device until when, and the background reads' schedule and claims.
    /// </summary>
    public const string Migration = """
        CREATE TABLE device_states (
            device_id   TEXT PRIMARY KEY,
            account     TEXT NOT NULL,
            reported    TEXT NOT NULL,
            message     TEXT NOT NULL,
            event_id    BIGINT NOT NULL,
            read_at_ms  BIGINT NOT NULL
        );
        CREATE TABLE device_state_watches (
            device_id  TEXT NOT NULL,
            watcher    TEXT NOT NULL,
            until_ms   BIGINT NOT NULL,
            PRIMARY KEY (device_id, watcher)
        );
        CREATE INDEX ix_device_state_watches_until ON device_state_watches (until_ms);
        CREATE TABLE device_state_reads (
            device_id         TEXT PRIMARY KEY,
            account           TEXT NOT NULL,
            next_read_at_ms   BIGINT NOT NULL,
            failures          INTEGER NOT NULL DEFAULT 0,
            claimed_until_ms  BIGINT NULL,
            claimed_by        TEXT NULL
        );
        CREATE INDEX ix_device_state_reads_due ON device_state_reads (next_read_at_ms);
        """;

    /// <summary>The watch (<c>@deviceId</c>, <c>@watcher</c>, <c>@until</c>).</summary>
    public const string Watch = """
        INSERT INTO device_state_watches (device_id, watcher, until_ms) VALUES (@deviceId, @watcher, @until)
        ON CONFLICT (device_id, watcher) DO UPDATE SET until_ms = excluded.until_ms;
        """;

    /// <summary>The watched device's read schedule when it has none (<c>@deviceId</c>, due <c>@now</c>).</summary>
    public const string ScheduleReads = """
        INSERT INTO device_state_reads (device_id, account, next_read_at_ms, failures)
        SELECT device_id, account, @now, 0 FROM devices WHERE device_id = @deviceId
        ON CONFLICT (device_id) DO NOTHING;
        """;

    /// <summary>
    /// Claims due reads of watched devices (<c>@owner</c>, <c>@claimUntil</c>, <c>@now</c>, <c>@limit</c>), longest due first,
    /// leaving out the <paramref name="skipped"/> accounts (<c>@skip0…</c>, <see cref="FairClaim.AddSkipped"/>).
    /// </summary>
    public static string Claim(int skipped, string skipLocked) => $"""
        UPDATE device_state_reads SET claimed_by = @owner, claimed_until_ms = @claimUntil
        WHERE device_id IN (
            SELECT r.device_id FROM device_state_reads r
            WHERE r.next_read_at_ms <= @now AND (r.claimed_until_ms IS NULL OR r.claimed_until_ms <= @now)
              AND EXISTS (SELECT 1 FROM device_state_watches w WHERE w.device_id = r.device_id AND w.until_ms > @now)
              {(skipped == 0 ? "" : $"AND r.account NOT IN ({string.Join(", ", Enumerable.Range(0, skipped).Select(i => $"@skip{i}"))})")}
            ORDER BY r.next_read_at_ms, r.device_id
            LIMIT @limit
            {skipLocked})
        RETURNING device_id, account, failures;
        """;

    /// <summary>A claimed read's outcome: when next, failures in a row, claim given back (only while the claim is ours).</summary>
    public const string Finish = """
        UPDATE device_state_reads SET next_read_at_ms = @next, failures = @failures, claimed_by = NULL, claimed_until_ms = NULL
        WHERE device_id = @deviceId AND claimed_by = @owner;
        """;

    /// <summary>Stores a changed state (<c>@deviceId</c>, <c>@account</c>, <c>@reported</c>, <c>@message</c>, <c>@eventId</c>, <c>@readAt</c>).</summary>
    public const string Upsert = """
        INSERT INTO device_states (device_id, account, reported, message, event_id, read_at_ms)
        VALUES (@deviceId, @account, @reported, @message, @eventId, @readAt)
        ON CONFLICT (device_id) DO UPDATE SET account = excluded.account, reported = excluded.reported,
            message = excluded.message, event_id = excluded.event_id, read_at_ms = excluded.read_at_ms;
        """;
}
