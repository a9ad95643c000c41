namespace Fota.Api.Storage;

/// <summary>
/// Creates or upgrades the schema at start, inside one transaction that the <see cref="SqlDialect"/> makes exclusive
/// (SQLite: the write lock of <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock): instances starting at once migrate one
/// after the other, and the later ones find the schema current.
/// </summary>
public sealed partial class SchemaMigrator(SqlDialect dialect, ILogger<SchemaMigrator> logger) : ISchemaMigrator
{
    public static int LatestVersion => Migrations(new SchemaTypes("", "", "", "", "", "", "")).Length;

    /// <summary>
    /// Append new migrations at the end; never edit one that has shipped. The same tables, columns and values on every
    /// database (times as the same strings and Unix milliseconds), written with the dialect's <paramref name="types"/>.
    /// </summary>
    private static string[] Migrations(SchemaTypes types) =>
    [
        $"""
        CREATE TABLE accounts (
            name          TEXT PRIMARY KEY,
            api_endpoint  TEXT NOT NULL,
            api_key       TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        );
        CREATE TABLE devices (
            device_id    TEXT PRIMARY KEY,
            fingerprint  {types.Fingerprint},
            model        TEXT NOT NULL,
            account      TEXT NOT NULL,
            created_at   TEXT NOT NULL
        );
        {types.FingerprintIndex}
        CREATE TABLE fota_jobs (
            seq              {types.Identity},
            job_id           TEXT NOT NULL UNIQUE,
            device_id        TEXT NOT NULL,
            account          TEXT NOT NULL,
            bundle_id        TEXT NOT NULL,
            status           TEXT NOT NULL,
            status_detail    TEXT NULL,
            version          TEXT NOT NULL,
            last_updated_at  TEXT NOT NULL,
            created_at_ms    {types.BigInt} NOT NULL,
            is_final         {types.Boolean},
            next_poll_at_ms  {types.BigInt} NOT NULL,
            poll_count       INTEGER NOT NULL DEFAULT 0,
            claimed_until_ms {types.BigInt} NULL,
            claimed_by       TEXT NULL
        );
        CREATE INDEX ix_fota_jobs_device ON fota_jobs (device_id, created_at_ms DESC, seq DESC);
        CREATE INDEX ix_fota_jobs_due ON fota_jobs {types.DueIndex};
        """,
        $"""
        CREATE TABLE change_events (
            id             {types.Identity},
            device_id      TEXT NOT NULL,
            payload        TEXT NOT NULL,
            created_at_ms  {types.BigInt} NOT NULL
        );
        CREATE INDEX ix_change_events_created ON change_events (created_at_ms);
        """,
        // Schedule intents (see ScheduleIntent): at most one PENDING create per device and bundle, across instances.
        $"""
        CREATE TABLE fota_job_intents (
            intent_id      TEXT PRIMARY KEY,
            device_id      TEXT NOT NULL,
            account        TEXT NOT NULL,
            bundle_id      TEXT NOT NULL,
            state          TEXT NOT NULL,
            detail         TEXT NULL,
            created_at_ms  {types.BigInt} NOT NULL,
            updated_at_ms  {types.BigInt} NOT NULL
        );
        CREATE UNIQUE INDEX ux_fota_job_intents_pending ON fota_job_intents (device_id, bundle_id) WHERE state = 'PENDING';
        """,
        // Reconciliation (ScheduleReconciler), and one open intent per device and bundle, UNKNOWN ones included.
        ScheduleIntentSql.Migration,
        // Device state (DeviceStateStore): the last state per device, watches, and the background reads' claims.
        DeviceStateSql.Migration,
        // Upgrade-path jobs (SPEC §2.10, §3.6) and their flow.
        UpgradePathSql.Migration(types),
        // Telemetry: the W3C traceparent of what caused a change (Telemetry/NotificationTrace links the notification to it).
        "ALTER TABLE change_events ADD COLUMN trace_parent TEXT NULL;",
        // The due index in the claim's order. PostgreSQL's first one held the due time only, so jobs due at the same
        // millisecond (a backlog, a bulk import) were all read and sorted by seq for every claim: a round over 100 000 such
        // jobs took 330 s instead of 35-50 s (bench/api/README.md §2b).
        $"DROP INDEX ix_fota_jobs_due;\nCREATE INDEX ix_fota_jobs_due ON fota_jobs {types.ClaimOrderDueIndex};",
    ];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = Migrations(dialect.Types);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await dialect.BeforeMigrationAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setUp = connection.Command($"{dialect.MigrationLock}\nCREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", transaction))
        {
            await setUp.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction))
        {
            current = (int)await read.ScalarInt64Async(cancellationToken);
        }

        for (var version = current + 1; version <= migrations.Length; version++)
        {
            await using var migrate = connection.Command(
                migrations[version - 1] + $"\nDELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({version});", transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
            LogMigrated(version);
        }

        await transaction.CommitAsync(cancellationToken);
        LogReady(dialect.DataSource, migrations.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private partial void LogMigrated(int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DataSource} at schema version {Version}")]
    private partial void LogReady(string dataSource, int version);
}
