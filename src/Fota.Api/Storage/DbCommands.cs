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
        command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
        return command;
    }

    /// <summary>Sets <paramref name="parameter"/> to <c>@<paramref name="name"/></c> = <paramref name="value"/> (a null as a text NULL).</summary>
    public static DbParameter Parameter(DbParameter parameter, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = DbType.String;
        }

        return parameter;
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
