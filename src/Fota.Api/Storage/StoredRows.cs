using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>
/// The columns the stores select for each record and how such a row becomes the record: one mapping for SQLite and
/// PostgreSQL (both readers are <see cref="DbDataReader"/>s), so a new column is added in one place.
/// </summary>
public static class StoredRows
{
    public const string JobColumns =
        "job_id, device_id, account, bundle_id, status, status_detail, version, last_updated_at, created_at_ms";

    public const string DeviceColumns = "device_id, fingerprint, model, account";

    public const string IntentColumns = "intent_id, device_id, account, bundle_id, state, detail, created_at_ms";

    /// <summary>The <c>fota_jobs</c> columns of a claim (<see cref="Claim"/>).</summary>
    public const string ClaimColumns = "job_id, account, status, status_detail, version, created_at_ms, poll_count";

    public static StoredJob Job(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        NullableString(row, 5),
        row.GetString(6),
        row.GetString(7),
        Milliseconds(row, 8));

    public static StoredDevice Device(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3));

    public static ScheduleIntent Intent(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        NullableString(row, 5),
        Milliseconds(row, 6));

    public static Func<DbDataReader, ClaimedJob> Claim(DateTimeOffset claimedUntil) => row => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        NullableString(row, 3),
        row.GetString(4),
        Milliseconds(row, 5),
        row.GetInt32(6),
        claimedUntil);

    /// <summary>Every row of <paramref name="command"/>'s (first) result, mapped by <paramref name="map"/>.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadRestAsync(reader, map, cancellationToken);
    }

    /// <summary>The remaining rows of the reader's current result.</summary>
    public static async Task<IReadOnlyList<T>> ReadRestAsync<T>(DbDataReader reader, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset Milliseconds(DbDataReader row, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));
}
