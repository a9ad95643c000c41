namespace Fota.Api.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, created or upgraded at start inside one transaction that first takes an advisory lock: instances
/// starting at once wait for each other, and the later ones find the schema current.
/// </summary>
public sealed partial class PostgresSchemaMigrator(PostgresDatabase database, ILogger<PostgresSchemaMigrator> logger) : ISchemaMigrator
{
    /// <summary>The advisory lock's key (any constant; "fota" in ASCII), scoped to the database by PostgreSQL.</summary>
    private const long MigrationLockKey = 0x666f7461;

    /// <summary>
    /// Append new migrations at the end; never edit one that has shipped. Same tables, columns and values as the SQLite
    /// schema (times as the same strings and Unix milliseconds), so both stores order and answer alike.
    /// </summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE accounts (
            name          TEXT PRIMARY KEY,
            api_endpoint  TEXT NOT NULL,
            api_key       TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        );
        CREATE TABLE devices (
            device_id    TEXT PRIMARY KEY,
            fingerprint  TEXT NOT NULL,
            model        TEXT NOT NULL,
            account      TEXT NOT NULL,
            created_at   TEXT NOT NULL
        );
        -- SQLite's COLLATE NOCASE UNIQUE: fingerprints are unique ignoring case.
        CREATE UNIQUE INDEX ux_devices_fingerprint ON devices (lower(fingerprint));
        CREATE TABLE fota_jobs (
            seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            job_id           TEXT NOT NULL UNIQUE,
            device_id        TEXT NOT NULL,
            account          TEXT NOT NULL,
            bundle_id        TEXT NOT NULL,
            status           TEXT NOT NULL,
            status_detail    TEXT NULL,
            version          TEXT NOT NULL,
            last_updated_at  TEXT NOT NULL,
            created_at_ms    BIGINT NOT NULL,
            is_final         BOOLEAN NOT NULL DEFAULT FALSE,
            next_poll_at_ms  BIGINT NOT NULL,
            poll_count       INTEGER NOT NULL DEFAULT 0,
            claimed_until_ms BIGINT NULL,
            claimed_by       TEXT NULL
        );
        CREATE INDEX ix_fota_jobs_device ON fota_jobs (device_id, created_at_ms DESC, seq DESC);
        CREATE INDEX ix_fota_jobs_due ON fota_jobs (next_poll_at_ms) WHERE NOT is_final;
        """,
        """
        CREATE TABLE change_events (
            id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            device_id      TEXT NOT NULL,
            payload        TEXT NOT NULL,
            created_at_ms  BIGINT NOT NULL
        );
        CREATE INDEX ix_change_events_created ON change_events (created_at_ms);
        """,
        // Schedule intents (see ScheduleIntent): at most one PENDING create per device and bundle, across instances.
        """
        CREATE TABLE fota_job_intents (
            intent_id      TEXT PRIMARY KEY,
            device_id      TEXT NOT NULL,
            account        TEXT NOT NULL,
            bundle_id      TEXT NOT NULL,
            state          TEXT NOT NULL,
            detail         TEXT NULL,
            created_at_ms  BIGINT NOT NULL,
            updated_at_ms  BIGINT NOT NULL
        );
        CREATE UNIQUE INDEX ux_fota_job_intents_pending ON fota_job_intents (device_id, bundle_id) WHERE state = 'PENDING';
        """,
        // Reconciliation (ScheduleReconciler), and one open intent per device and bundle, UNKNOWN ones included.
        ScheduleIntentSql.Migration,
    ];

    public static int LatestVersion => Migrations.Length;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setUp = connection.CreateCommand())
        {
            // Held until commit; DDL is transactional in PostgreSQL, so a failed migration leaves nothing behind.
            setUp.CommandText = $"""
                SELECT pg_advisory_xact_lock({MigrationLockKey});
                CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
                """;
            await setUp.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = (int)(await read.ExecuteScalarAsync(cancellationToken) ?? 0);
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using var migrate = connection.CreateCommand();
            migrate.CommandText = Migrations[version - 1] + $"\nDELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({version});";
            await migrate.ExecuteNonQueryAsync(cancellationToken);
            LogMigrated(version);
        }

        await transaction.CommitAsync(cancellationToken);
        LogReady(database.DataSource, Migrations.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private partial void LogMigrated(int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DataSource} at schema version {Version}")]
    private partial void LogReady(string dataSource, int version);
}
