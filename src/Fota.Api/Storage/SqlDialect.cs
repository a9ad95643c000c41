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
    /// (<c>FOR UPDATE SKIP LOCKED</c>), and re-checks a row whose claim was committed in between against the choice's
    /// condition before it locks it; SQLite runs one writer at a time, so it needs nothing. (A choice made first without
    /// locks and locked in an outer query let two instances choose the same rows, one of them ending with few or none: a
    /// round over 100 000 jobs on two instances took 4× longer; bench/api/README.md §2b.)
    /// </summary>
    public virtual string SkipLocked => "";

    /// <summary>Appended to a read of rows the same transaction then changes (<c>FOR UPDATE</c> on PostgreSQL).</summary>
    public virtual string LockRows => "";

    /// <summary>
    /// One statement that locks the row of <paramref name="table"/> (which has a <c>seq</c> key) matching
    /// <paramref name="where"/>, sets <paramref name="set"/> and returns <paramref name="columns"/> as they were, then as they
    /// are: one row, twice the columns, none when nothing matched. Null where <c>RETURNING</c> sees only the new row
    /// (SQLite); there the store reads the row first (<see cref="LockRows"/>), which in process costs no round trip.
    /// </summary>
    public virtual string? UpdateReturningBefore(string table, string where, string set, string columns) => null;

    /// <summary>
    /// A statement every transaction that writes change events runs before its first event, so events become visible in id
    /// order; null where one writer at a time already does that (SQLite). It returns one result and is held until commit.
    /// Job and upgrade-path writes take it after their row writes, right before their events (<see cref="ChangeEventRows"/>
    /// adds it), so it is held only for the events and the commit and writers of many rows do not queue each other. Device
    /// states take it first, because the lock is what makes their re-read see a first report another instance just stored
    /// (<see cref="DeviceStateStore"/>); under it they wait only for device-state rows, which no job writer locks. So no
    /// transaction holding it waits for a row that a transaction waiting for it holds: it cannot deadlock.
    /// </summary>
    public virtual string? EventOrderLock => null;

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
/// <param name="DueIndex">The columns (and condition) of the poller's first due index (migration 1).</param>
/// <param name="ClaimOrderDueIndex">The due index in the claim's order (<see cref="FairClaim"/>: due time, then seq).</param>
public sealed record SchemaTypes(
    string Identity, string BigInt, string Boolean, string Fingerprint, string FingerprintIndex, string DueIndex, string ClaimOrderDueIndex);
