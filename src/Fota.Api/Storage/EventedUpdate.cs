using System.Data.Common;
using System.Diagnostics;

namespace Fota.Api.Storage;

/// <summary>
/// A conditional <c>UPDATE … RETURNING</c> of at most one row that clients see, with its change event (written under the
/// dialect's event-order lock), in one transaction: the row as stored now, or null (and nothing written) when the condition
/// did not hold. The SQL, and so the rule of what may change, stays with the store that calls it.
/// </summary>
internal static class EventedUpdate
{
    public static async Task<T?> OneRowAsync<T>(
        SqlDialect dialect,
        IChangeEventWakeUp changeEvents,
        string updateReturning,
        Action<DbCommand> bind,
        Func<DbDataReader, T> row,
        Func<T, (string DeviceId, string Payload)> eventOf,
        CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command(updateReturning, transaction);
        bind(command);
        var changed = (await StoredRows.ReadAllAsync(command, row, cancellationToken)).SingleOrDefault();

        if (changed is null)
        {
            return null;
        }

        var (deviceId, payload) = eventOf(changed);
        await using var insertEvent = connection.Command(ChangeEventRows.InsertSql(dialect), transaction);
        ChangeEventRows.With(insertEvent, new ChangeEventRow(deviceId, payload, Activity.Current?.Id));
        await insertEvent.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changeEvents.Committed();
        return changed;
    }
}
