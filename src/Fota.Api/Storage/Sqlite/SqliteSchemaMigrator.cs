namespace Fota.Api.Storage.Sqlite;

/// <summary>Creates or upgrades the schema at start: ordered migrations, the applied version kept in <c>schema_version</c>.</summary>
public sealed partial class SqliteSchemaMigrator(SqliteDatabase database, ILogger<SqliteSchemaMigrator> logger) : ISchemaMigrator
{
    /// <summary>Append new migrations at the end; never edit one that has shipped.</summary>
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
            fingerprint  TEXT NOT NULL COLLATE NOCASE UNIQUE,
            model        TEXT NOT NULL,
            account      TEXT NOT NULL,
            created_at   TEXT NOT NULL
        );
        CREATE TABLE fota_jobs (
            seq              INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id           TEXT NOT NULL UNIQUE,
            device_id        TEXT NOT NULL,
            account          TEXT NOT NULL,
            bundle_id        TEXT NOT NULL,
            status           TEXT NOT NULL,
            status_detail    TEXT NULL,
            version          TEXT NOT NULL,
            last_updated_at  TEXT NOT NULL,
            created_at_ms    INTEGER NOT NULL,
            is_final         INTEGER NOT NULL DEFAULT 0,
            next_poll_at_ms  INTEGER NOT NULL,
            poll_count       INTEGER NOT NULL DEFAULT 0,
            claimed_until_ms INTEGER NULL,
            claimed_by       TEXT NULL
        );
        CREATE INDEX ix_fota_jobs_device ON fota_jobs (device_id, created_at_ms DESC, seq DESC);
        CREATE INDEX ix_fota_jobs_due ON fota_jobs (is_final, next_poll_at_ms);
        """,
        """
        CREATE TABLE change_events (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            device_id      TEXT NOT NULL,
            payload        TEXT NOT NULL,
            created_at_ms  INTEGER NOT NULL
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
            created_at_ms  INTEGER NOT NULL,
            updated_at_ms  INTEGER NOT NULL
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
        await using (var wal = connection.CreateCommand())
        {
            // WAL lets readers and one writer work at once, across processes sharing the file.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE takes the write lock first, so two instances starting together migrate one after the other.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }

        for (var version = (int)current + 1; version <= Migrations.Length; version++)
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
