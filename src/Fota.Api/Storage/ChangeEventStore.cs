namespace Fota.Api.Storage;

/// <summary>The change-event follower's queries on the outbox (<c>change_events</c>, written by <see cref="JobStore"/>).</summary>
public sealed class ChangeEventStore(SqlDialect dialect) : IChangeEventStore
{
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COALESCE(MAX(id), 0) FROM change_events;");
        return await command.ScalarInt64Async(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT id, device_id, payload, created_at_ms, trace_parent FROM change_events WHERE id > @afterId ORDER BY id LIMIT @limit;")
            .With("afterId", afterId)
            .With("limit", limit);
        return await StoredRows.ReadAllAsync(
            command,
            row => new ChangeEvent(row.GetInt64(0), row.GetString(1), row.GetString(2))
            {
                CreatedAtMs = row.GetInt64(3),
                TraceParent = row.IsDBNull(4) ? null : row.GetString(4),
            },
            cancellationToken);
    }

    public async Task<int> PruneAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"DELETE FROM change_events WHERE created_at_ms < {dialect.NowMs} - @retentionMs;")
            .With("retentionMs", (long)retention.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
