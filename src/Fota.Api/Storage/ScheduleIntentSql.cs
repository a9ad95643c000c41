namespace Fota.Api.Storage;

/// <summary>
/// The <c>fota_job_intents</c> statements both stores run as written (SQLite and PostgreSQL read <c>@name</c> parameters
/// alike): the schedule's guard (one open intent per device and bundle, no second running job) and reconciliation's claims.
/// </summary>
public static class ScheduleIntentSql
{
    /// <summary>Migration 4 on both databases: reconciliation's columns, and the guard widened to UNKNOWN intents.</summary>
    public const string Migration = """
        ALTER TABLE fota_job_intents ADD COLUMN next_attempt_at_ms BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE fota_job_intents ADD COLUMN claimed_by TEXT NULL;
        ALTER TABLE fota_job_intents ADD COLUMN claimed_until_ms BIGINT NULL;
        UPDATE fota_job_intents SET next_attempt_at_ms = created_at_ms + 120000;
        UPDATE fota_job_intents SET state = 'UNKNOWN_OLDER'
        WHERE state IN ('PENDING', 'UNKNOWN') AND EXISTS (
            SELECT 1 FROM fota_job_intents AS newer
            WHERE newer.device_id = fota_job_intents.device_id AND newer.bundle_id = fota_job_intents.bundle_id
              AND newer.state IN ('PENDING', 'UNKNOWN')
              AND (newer.created_at_ms > fota_job_intents.created_at_ms
                   OR (newer.created_at_ms = fota_job_intents.created_at_ms AND newer.intent_id > fota_job_intents.intent_id)));
        DROP INDEX ux_fota_job_intents_pending;
        CREATE UNIQUE INDEX ux_fota_job_intents_open ON fota_job_intents (device_id, bundle_id) WHERE state IN ('PENDING', 'UNKNOWN');
        CREATE INDEX ix_fota_job_intents_due ON fota_job_intents (account, next_attempt_at_ms);
        """;

    /// <summary>The open intent wins through the unique index <c>ux_fota_job_intents_open</c>; 0 rows: another one is open.</summary>
    public const string Begin = """
        INSERT INTO fota_job_intents (intent_id, device_id, account, bundle_id, state, detail, created_at_ms, updated_at_ms, next_attempt_at_ms)
        VALUES (@intentId, @deviceId, @account, @bundleId, 'PENDING', NULL, @createdAt, @createdAt, @reconcileAt)
        ON CONFLICT DO NOTHING;
        """;

    public const string OpenIntent = """
        SELECT intent_id FROM fota_job_intents
        WHERE device_id = @deviceId AND bundle_id = @bundleId AND state IN ('PENDING', 'UNKNOWN');
        """;

    /// <summary>Read after <see cref="Begin"/> in its transaction, so a job a concurrent confirm committed is seen.</summary>
    public const string RunningJob = """
        SELECT job_id FROM fota_jobs WHERE device_id = @deviceId AND bundle_id = @bundleId AND NOT is_final LIMIT 1;
        """;

    public const string MarkUnknown = """
        UPDATE fota_job_intents SET state = 'UNKNOWN', detail = @detail, updated_at_ms = @now, next_attempt_at_ms = @reconcileAt
        WHERE intent_id = @intentId;
        """;

    public const string Delete = "DELETE FROM fota_job_intents WHERE intent_id = @intentId;";

    /// <summary>Deletes the intent only while <c>@owner</c>'s claim holds it.</summary>
    public const string DeleteClaimed = "DELETE FROM fota_job_intents WHERE intent_id = @intentId AND claimed_by = @owner;";

    private const string Due = """
        state <> 'GAVE_UP' AND next_attempt_at_ms <= @now AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)
        """;

    public const string AccountsDue = $"SELECT DISTINCT account FROM fota_job_intents WHERE {Due} ORDER BY account;";

    /// <summary>Claims one account's due intents; <paramref name="lockClause"/> is PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>.</summary>
    public static string Claim(string lockClause) => $"""
        UPDATE fota_job_intents SET claimed_by = @owner, claimed_until_ms = @claimUntil
        WHERE intent_id IN (
            SELECT intent_id FROM fota_job_intents
            WHERE account = @account AND {Due}
            ORDER BY next_attempt_at_ms, intent_id
            LIMIT @batchSize
            {lockClause})
        RETURNING {StoredRows.IntentColumns};
        """;

    public const string Retry = """
        UPDATE fota_job_intents
        SET state = @state, detail = @detail, updated_at_ms = @now, next_attempt_at_ms = @nextAttemptAt,
            claimed_by = NULL, claimed_until_ms = NULL
        WHERE intent_id = @intentId AND claimed_by = @owner;
        """;
}
