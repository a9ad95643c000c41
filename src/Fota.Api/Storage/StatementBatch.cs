using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>
/// Statements written together, each with its own text and <c>@name</c> parameters: one round trip where the provider batches
/// (Npgsql's <see cref="DbBatch"/>), else one command each (SQLite runs in process: there is no round trip to save). Rows of
/// one kind share one text, which PostgreSQL prepares once and reuses. (One multi-statement command with numbered
/// parameters was new text for every group — parsed and planned again each time on PostgreSQL, a round over 100 000 jobs
/// 7× slower — and on SQLite bound every parameter to each of its statements, k² lookups; bench/api/README.md §2, §2b.)
/// </summary>
public sealed class StatementBatch(DbConnection connection, DbTransaction? transaction)
{
    private readonly List<Statement> _statements = [];

    /// <summary>Appends a statement; its parameters are added to what this returns.</summary>
    public Statement Add(string sql)
    {
        var statement = new Statement(sql);
        _statements.Add(statement);
        return statement;
    }

    /// <summary>Runs the statements in order, handing each one's result to <paramref name="read"/>; every statement must return rows.</summary>
    public async Task ReadEachAsync(Func<int, DbDataReader, Task> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!connection.CanCreateBatch)
        {
            for (var i = 0; i < _statements.Count; i++)
            {
                await using var command = ToCommand(_statements[i]);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await read(i, reader);
            }

            return;
        }

        await using var batch = ToBatch();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < _statements.Count; i++)
            {
                await read(i, reader);
                await reader.NextResultAsync(cancellationToken);
            }
        }
    }

    /// <summary>Runs the statements in order, reading nothing.</summary>
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!connection.CanCreateBatch)
        {
            foreach (var statement in _statements)
            {
                await using var command = ToCommand(statement);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        await using var batch = ToBatch();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand ToCommand(Statement statement)
    {
        var command = connection.Command(statement.Sql, transaction);
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.Add(DbCommands.Parameter(command.CreateParameter(), name, value));
        }

        return command;
    }

    private DbBatch ToBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in _statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                command.Parameters.Add(DbCommands.Parameter(command.CreateParameter(), name, value));
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>One statement of a <see cref="StatementBatch"/> and its parameters.</summary>
    public sealed class Statement(string sql)
    {
        internal string Sql => sql;

        internal List<(string Name, object? Value)> Parameters { get; } = [];

        /// <summary>Adds <c>@<paramref name="name"/></c> (<see cref="DbCommands.With(DbCommand, string, object?)"/>'s rules).</summary>
        public Statement With(string name, object? value)
        {
            Parameters.Add((name, value));
            return this;
        }

        public Statement With(string name, DateTimeOffset value) => With(name, value.ToUnixTimeMilliseconds());
    }
}
