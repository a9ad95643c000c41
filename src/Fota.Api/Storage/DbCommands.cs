using System.Data;
using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>Commands written once for every ADO.NET provider: <c>@name</c> parameters, nulls typed as text.</summary>
public static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds <c>@<paramref name="name"/></c>; a null is sent as a text NULL (PostgreSQL must know its type).</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = DbType.String;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, DateTimeOffset value) =>
        command.With(name, value.ToUnixTimeMilliseconds());

    /// <summary>Adds <c>@<paramref name="name"/></c> as Unix milliseconds; a null is sent as a 64-bit NULL.</summary>
    public static DbCommand WithMilliseconds(this DbCommand command, string name, DateTimeOffset? value)
    {
        command.With(name, value?.ToUnixTimeMilliseconds());
        command.Parameters[^1].DbType = DbType.Int64;
        return command;
    }

    public static async Task<long> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
}
