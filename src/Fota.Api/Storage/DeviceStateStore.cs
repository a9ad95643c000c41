using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;

namespace Fota.Api.Storage;

/// <summary>
/// <see cref="IDeviceStateStore"/> on both databases (<see cref="DeviceStateSql"/>). A state is a change when its
/// <c>reported</c> JSON differs from the stored one as JSON (key order and whitespace aside); nRF Cloud's
/// <c>state.version</c> is not used. Changes are found first without locks (an unchanged read writes nothing), then checked
/// again inside the writing transaction, which takes the dialect's event-order lock, so two instances storing the same
/// change write one event.
/// </summary>
public sealed class DeviceStateStore(SqlDialect dialect, IChangeEventWakeUp changeEvents) : IDeviceStateStore
{
    /// <summary>Devices per lookup and per round trip (<see cref="StatementBatch"/>).</summary>
    private const int PerCommand = 100;

    public async Task<StoredDeviceState?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT device_id, reported, message, event_id FROM device_states WHERE device_id = @deviceId;")
            .With("deviceId", deviceId);
        return (await StoredRows.ReadAllAsync(command, Row, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<string>> SaveAsync(IReadOnlyList<DeviceStateWrite> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return [];
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        var candidates = new List<DeviceStateWrite>();
        foreach (var group in states.Chunk(PerCommand))
        {
            var stored = await ReportedAsync(connection, null, group, "", cancellationToken);
            candidates.AddRange(group.Where(state => IsChange(stored, state)));
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // First, unlike job writes (SqlDialect.EventOrderLock): a device's first report has no row to lock, so only this
        // lock makes the re-read below see the one another instance stored meanwhile.
        if (dialect.EventOrderLock is { } orderLock)
        {
            await using var takeLock = connection.Command(orderLock, transaction);
            await takeLock.ExecuteNonQueryAsync(cancellationToken);
        }

        var changed = new List<string>();
        foreach (var group in candidates.Chunk(PerCommand))
        {
            var stored = await ReportedAsync(connection, transaction, group, dialect.LockRows, cancellationToken);
            foreach (var state in group.Where(state => IsChange(stored, state)))
            {
                await using var insertEvent = connection.Command(
                        $"INSERT INTO change_events (device_id, payload, created_at_ms) VALUES (@deviceId, @payload, {dialect.NowMs}) RETURNING id;",
                        transaction)
                    .With("deviceId", state.DeviceId)
                    .With("payload", state.Message);
                var eventId = await insertEvent.ScalarInt64Async(cancellationToken);
                await using var upsert = connection.Command(DeviceStateSql.Upsert, transaction)
                    .With("deviceId", state.DeviceId)
                    .With("account", state.Account)
                    .With("reported", state.ReportedJson)
                    .With("message", state.Message)
                    .With("eventId", eventId)
                    .With("readAt", state.ReadAt);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                stored[state.DeviceId] = state.ReportedJson; // the same device twice in one call: only a real change counts
                changed.Add(state.DeviceId);
            }
        }

        if (changed.Count > 0 && dialect.EventNotify is { } notify)
        {
            await using var wake = connection.Command(notify, transaction);
            await wake.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (changed.Count > 0)
        {
            changeEvents.Committed();
        }

        return changed;
    }

    public async Task WatchAsync(
        IReadOnlyCollection<string> deviceIds, string watcher, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var group in deviceIds.Chunk(PerCommand))
        {
            var batch = new StatementBatch(connection, null);
            foreach (var deviceId in group)
            {
                batch.Add(DeviceStateSql.Watch).With("deviceId", deviceId).With("watcher", watcher).With("until", until);
                batch.Add(DeviceStateSql.ScheduleReads).With("deviceId", deviceId).With("now", now);
            }

            await batch.ExecuteAsync(cancellationToken);
        }
    }

    public async Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM device_state_watches WHERE device_id = @deviceId AND watcher = @watcher;")
            .With("deviceId", deviceId)
            .With("watcher", watcher);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedStateRead>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int limit, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skipAccounts);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using (var prune = connection.Command("DELETE FROM device_state_watches WHERE until_ms <= @now;").With("now", now))
        {
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.Command(DeviceStateSql.Claim(skipAccounts.Count, dialect.SkipLocked))
            .With("owner", owner)
            .With("claimUntil", claimUntil)
            .With("now", now)
            .With("limit", limit);
        FairClaim.AddSkipped(command, skipAccounts);
        return await StoredRows.ReadAllAsync(
            command, row => new ClaimedStateRead(row.GetString(0), row.GetString(1), row.GetInt32(2), claimUntil), cancellationToken);
    }

    public async Task FinishReadsAsync(string owner, IReadOnlyList<StateReadOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var group in outcomes.Chunk(PerCommand))
        {
            var batch = new StatementBatch(connection, null);
            foreach (var outcome in group)
            {
                batch.Add(DeviceStateSql.Finish)
                    .With("deviceId", outcome.DeviceId).With("next", outcome.NextReadAt).With("failures", outcome.Failures).With("owner", owner);
            }

            await batch.ExecuteAsync(cancellationToken);
        }
    }

    public async Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "UPDATE device_state_reads SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = @owner;")
            .With("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="state"/>'s reported content is not what is stored (as JSON, key order aside).</summary>
    private static bool IsChange(Dictionary<string, string> stored, DeviceStateWrite state) =>
        !stored.TryGetValue(state.DeviceId, out var before)
        || !JsonNode.DeepEquals(JsonNode.Parse(before), JsonNode.Parse(state.ReportedJson));

    private static async Task<Dictionary<string, string>> ReportedAsync(
        DbConnection connection, DbTransaction? transaction, DeviceStateWrite[] group, string lockRows, CancellationToken cancellationToken)
    {
        var ids = group.Select(s => s.DeviceId).Distinct(StringComparer.Ordinal).ToList();
        var sql = new StringBuilder("SELECT device_id, reported FROM device_states WHERE device_id IN (");
        sql.AppendJoin(", ", ids.Select((_, i) => $"@id{i}")).Append(") ").Append(lockRows).Append(';');
        await using var command = connection.Command(sql.ToString(), transaction);
        for (var i = 0; i < ids.Count; i++)
        {
            command.With($"id{i}", ids[i]);
        }

        var rows = await StoredRows.ReadAllAsync(command, row => (Id: row.GetString(0), Reported: row.GetString(1)), cancellationToken);
        return rows.ToDictionary(row => row.Id, row => row.Reported, StringComparer.Ordinal);
    }

    private static StoredDeviceState Row(DbDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3));
}
