namespace Fota.Api.Storage.Postgres;

/// <summary><see cref="IChangeEventStore"/> on PostgreSQL (the events are written by <see cref="PostgresChangeEvents"/>).</summary>
public sealed class PostgresChangeEventStore(PostgresDatabase database) : IChangeEventStore
{
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM change_events;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    public async Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device_id, payload FROM change_events WHERE id > @afterId ORDER BY id LIMIT @limit;";
        command.Parameters.AddWithValue("afterId", afterId);
        command.Parameters.AddWithValue("limit", limit);
        var events = new List<ChangeEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new ChangeEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return events;
    }

    public async Task<int> PruneAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM change_events WHERE created_at_ms < {PostgresChangeEvents.NowMs} - @retentionMs;";
        command.Parameters.AddWithValue("retentionMs", (long)retention.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
