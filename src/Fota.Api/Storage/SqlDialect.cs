using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>
/// What really differs between the databases the stores run on (<see cref="Sqlite.SqliteDialect"/>,
/// <see cref="Postgres.PostgresDialect"/>); everything else — the statements, their parameters (<c>@name</c>, which both
/// providers read), transactions and row mapping — is written once in the stores. The locking and waking members default
/// to nothing, which is right for a database that runs one writer at a time and has no notifications (SQLite).
/// </summary>
/// <param name="dataSource">Host, port and database or the file, for log lines (never a password).</param>
/// <param name="open">Opens a (pooled) connection, set up for the service.</param>
public abstract class SqlDialect(string dataSource, Func<CancellationToken, Task<DbConnection>> open)
{
    public string DataSource => dataSource;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => open(cancellationToken);

    /// <summary>The database clock in Unix milliseconds, as an SQL expression (change events are stamped and pruned by it).</summary>
    public abstract string NowMs { get; }

    /// <summary>
    /// Appended to a claim's row choice: PostgreSQL skips rows another instance is claiming right now
    /// (<c>FOR UPDATE SKIP LOCKED</c>); SQLite runs one writer at a time, so it needs nothing.
    /// </summary>
    public virtual string SkipLocked => "";

    /// <summary>Appended to a read of rows the same transaction then changes (<c>FOR UPDATE</c> on PostgreSQL).</summary>
    public virtual string LockRows => "";

    /// <summary>
    /// The rows of <c>fota_jobs</c> to claim, given <paramref name="chosenSeqs"/> (<see cref="FairClaim.SelectSeqs"/>). PostgreSQL
    /// locks the chosen rows in an outer query that re-checks them, skipping rows another instance is claiming.
    /// </summary>
    public virtual string ClaimableSeqs(string chosenSeqs) => chosenSeqs;

    /// <summary>
    /// A statement every transaction that writes change events runs first (before any row lock), so events become visible
    /// in id order; null where one writer at a time already does that (SQLite). It returns one result.
    /// </summary>
    public virtual string? EventOrderLock => null;

    /// <summary>Moves a reader of a command that began with <see cref="EventOrderLock"/> past the lock's own result.</summary>
    public async Task SkipEventOrderLockAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (EventOrderLock is not null)
        {
            await reader.NextResultAsync(cancellationToken);
        }
    }

    /// <summary>
    /// How many rows' statements one command carries, given the size a store would batch on a server database. PostgreSQL
    /// takes the batch (one round trip per group). SQLite takes one row per command: it runs in process, so a batch saves no
    /// round trip, and Microsoft.Data.Sqlite binds every parameter of a command to each of the command's statements, so a
    /// command of k statements costs k² parameter lookups, each allocating (a batch of 64 poll outcomes made the poller
    /// allocate 141 KB per job in a round of 10 000; bench/api/README.md §2).
    /// </summary>
    public virtual int RowsPerCommand(int batched) => batched;

    /// <summary>A statement that wakes other instances' followers after commit (PostgreSQL <c>NOTIFY</c>); null when they poll.</summary>
    public virtual string? EventNotify => null;

    /// <summary>
    /// An expression an upsert can return that is true when the row was inserted (PostgreSQL: <c>xmax = 0</c>); null when the
    /// database cannot tell, and the store looks first in the upsert's (write-locked) transaction.
    /// </summary>
    public virtual string? InsertedByUpsert => null;

    /// <summary>The condition finding a device by fingerprint ignoring case (<c>@value</c>), as the unique index compares.</summary>
    public abstract string FingerprintEquals { get; }

    /// <summary>A unique constraint refused the write.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>How the schema's column types and the fingerprint's uniqueness are written.</summary>
    public abstract SchemaTypes Types { get; }

    /// <summary>
    /// Prepares the connection the migrations run on, before their transaction (SQLite: WAL mode). The migration
    /// transaction itself serialises instances on SQLite (a write lock); <see cref="MigrationLock"/> does it on PostgreSQL.
    /// </summary>
    public virtual Task BeforeMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Run first in the migration transaction, held until commit; empty when the transaction itself locks.</summary>
    public virtual string MigrationLock => "";
}

/// <summary>The schema's type mapping on one database (same tables, columns and values everywhere).</summary>
/// <param name="Identity">An increasing 64-bit primary key.</param>
/// <param name="BigInt">A 64-bit integer column type.</param>
/// <param name="Boolean">A boolean column defaulting to false.</param>
/// <param name="Fingerprint">The fingerprint column, with its case-insensitive uniqueness when the column can carry it.</param>
/// <param name="FingerprintIndex">The case-insensitive unique index, when the column cannot carry it.</param>
/// <param name="DueIndex">The columns (and condition) of the poller's due index.</param>
public sealed record SchemaTypes(string Identity, string BigInt, string Boolean, string Fingerprint, string FingerprintIndex, string DueIndex);
