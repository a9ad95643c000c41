namespace Fota.Api.Storage;

/// <summary>One stored change: its id (increasing in commit order), the device it concerns and the message as sent.</summary>
public sealed record ChangeEvent(long Id, string DeviceId, string Payload);

/// <summary>The change-event follower's queries on the <c>change_events</c> table (written by <see cref="ChangeEvents"/>).</summary>
public sealed class ChangeEventStore(SqliteDatabase database)
{
    /// <summary>The id of the newest event, 0 when there is none: a follower starting now is owed only later events.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM change_events;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device_id, payload FROM change_events WHERE id > $afterId ORDER BY id LIMIT $limit;";
        command.Parameters.AddWithValue("$afterId", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        var events = new List<ChangeEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new ChangeEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return events;
    }

    /// <summary>Deletes events older than <paramref name="retention"/> (by the database's clock, as they were written); returns how many.</summary>
    public async Task<int> PruneAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM change_events
            WHERE created_at_ms < CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) - $retentionMs;
            """;
        command.Parameters.AddWithValue("$retentionMs", (long)retention.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
