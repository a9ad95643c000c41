using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage.Sqlite;

/// <summary>
/// SQLite: one writer at a time (every transaction is <c>BEGIN IMMEDIATE</c>), so claims need no row locks and event ids
/// become visible in id order by themselves; other instances' events are found by polling.
/// </summary>
public sealed class SqliteDialect(SqliteDatabase database) : SqlDialect
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE.</summary>
    private const int UniqueViolation = 2067;

    public override string DataSource => database.DataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    public override string NowMs => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    public override string SkipLocked => "";

    public override string LockRows => "";

    public override string ClaimableSeqs(string chosenSeqs) => chosenSeqs;

    public override string? EventOrderLock => null;

    public override string? EventNotify => null;

    public override string? InsertedByUpsert => null;

    /// <summary>The column is <c>COLLATE NOCASE</c>.</summary>
    public override string FingerprintEquals => "fingerprint = @value";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueViolation };

    public override SchemaTypes Types { get; } = new(
        Identity: "INTEGER PRIMARY KEY AUTOINCREMENT",
        BigInt: "INTEGER",
        Boolean: "INTEGER NOT NULL DEFAULT 0",
        Fingerprint: "TEXT NOT NULL COLLATE NOCASE UNIQUE",
        FingerprintIndex: "",
        DueIndex: "(is_final, next_poll_at_ms)");

    public override async Task BeforeMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var wal = connection.CreateCommand();
        // WAL lets readers and one writer work at once, across processes sharing the file.
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>BEGIN IMMEDIATE takes the write lock first, so two instances starting together migrate one after the other.</summary>
    public override string MigrationLock => "";
}
