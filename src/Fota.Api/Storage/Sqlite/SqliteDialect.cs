using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage.Sqlite;

/// <summary>
/// SQLite: one writer at a time (every transaction is <c>BEGIN IMMEDIATE</c>), so claims need no row locks and event ids
/// become visible in id order by themselves; other instances' events are found by polling.
/// </summary>
public sealed class SqliteDialect(SqliteDatabase database)
    : SqlDialect(database.DataSource, async cancellationToken => await database.OpenAsync(cancellationToken))
{
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE };

    public override string NowMs => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    /// <summary>One row per command: see <see cref="SqlDialect.RowsPerCommand"/>.</summary>
    public override int RowsPerCommand(int batched) => 1;

    /// <summary>The column is <c>COLLATE NOCASE</c>.</summary>
    public override string FingerprintEquals => "fingerprint = @value";

    public override SchemaTypes Types { get; } = new(
        Identity: "INTEGER PRIMARY KEY AUTOINCREMENT",
        BigInt: "INTEGER",
        Boolean: "INTEGER NOT NULL DEFAULT 0",
        Fingerprint: "TEXT NOT NULL COLLATE NOCASE UNIQUE",
        FingerprintIndex: "",
        DueIndex: "(is_final, next_poll_at_ms)");

    /// <summary>The migration transaction's BEGIN IMMEDIATE then serialises instances starting together.</summary>
    public override async Task BeforeMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var wal = connection.CreateCommand();
        // WAL lets readers and one writer work at once, across processes sharing the file.
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }
}
