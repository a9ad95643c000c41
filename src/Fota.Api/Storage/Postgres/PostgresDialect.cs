using System.Data.Common;
using Npgsql;

namespace Fota.Api.Storage.Postgres;

/// <summary>
/// PostgreSQL: claims lock what they take and skip what others are taking (<c>FOR UPDATE SKIP LOCKED</c>); concurrent
/// transactions commit in any order, so writers of change events take an advisory lock before their events and event ids become visible
/// in id order; other instances' followers are woken by <c>NOTIFY</c> (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class PostgresDialect(PostgresDatabase database)
    : SqlDialect(database.DataSource, async cancellationToken => await database.OpenAsync(cancellationToken))
{
    public override string NowMs => "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override string LockRows => "FOR UPDATE";

    /// <summary>
    /// The row locked in a CTE (re-checked against <paramref name="where"/> if another transaction changed it meanwhile),
    /// updated from it: one statement per row where a locked read and an update were two (a round over 100 000 jobs, two
    /// instances: bench/api/README.md §2b). The CTE's columns are renamed, so the SET's column names stay unambiguous.
    /// </summary>
    public override string? UpdateReturningBefore(string table, string where, string set, string columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        return $"""
            WITH before AS (SELECT seq AS before_seq, {string.Join(", ", names.Select(name => $"{name} AS before_{name}"))}
                            FROM {table} WHERE {where} FOR UPDATE)
            UPDATE {table} SET {set}
            FROM before WHERE seq = before.before_seq
            RETURNING {string.Join(", ", names.Select(name => $"before.before_{name}"))}, {columns};
            """;
    }

    /// <summary>The advisory lock ("fota-evt" in ASCII) that orders event writers; held until commit.</summary>
    public override string? EventOrderLock => "SELECT pg_advisory_xact_lock(7308901952856208500);";

    /// <summary>Delivered to every listening instance after commit, never for a rolled-back change.</summary>
    public override string? EventNotify => PostgresChangeListener.NotifySql;

    /// <summary>xmax is 0 only in a row this statement inserted: one statement tells created from updated, without a race.</summary>
    public override string? InsertedByUpsert => "xmax = 0";

    /// <summary>lower(fingerprint) is the unique index, as SQLite's COLLATE NOCASE column.</summary>
    public override string FingerprintEquals => "lower(fingerprint) = lower(@value)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override SchemaTypes Types { get; } = new(
        Identity: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        BigInt: "BIGINT",
        Boolean: "BOOLEAN NOT NULL DEFAULT FALSE",
        Fingerprint: "TEXT NOT NULL",
        FingerprintIndex: "CREATE UNIQUE INDEX ux_devices_fingerprint ON devices (lower(fingerprint));",
        DueIndex: "(next_poll_at_ms) WHERE NOT is_final",
        ClaimOrderDueIndex: "(next_poll_at_ms, seq) WHERE NOT is_final");

    /// <summary>
    /// Held until commit; DDL is transactional in PostgreSQL, so a failed migration leaves nothing behind. The key is any
    /// constant (0x666f7461, "fota" in ASCII), scoped to the database by PostgreSQL.
    /// </summary>
    public override string MigrationLock => "SELECT pg_advisory_xact_lock(1718580321);";
}
