using System.Data.Common;

namespace Fota.Api.Storage;

/// <summary>
/// The fair choice of due jobs, shared by both stores (parameters <c>@now</c>, <c>@batchSize</c>, <c>@skip0…</c>): due
/// longest first, leaving out the accounts the poller says hold their share already (their jobs wait in its queue), so a
/// batch is never all one slow account's jobs while another account's job is due. One index scan
/// (<c>ix_fota_jobs_due</c>) per claim: a window over every due row made a round over 10 000 jobs four times slower.
/// </summary>
public static class FairClaim
{
    /// <summary>The due, non-final, unclaimed (or lease-expired) rows, as SQL conditions on <c>fota_jobs</c>.</summary>
    public const string DueCondition =
        "NOT is_final AND next_poll_at_ms <= @now AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)";

    /// <summary>A query returning the <c>seq</c> of the jobs to claim, leaving out <paramref name="skipped"/> accounts.</summary>
    public static string SelectSeqs(int skipped) => $"""
        SELECT seq FROM fota_jobs
        WHERE {DueCondition}{(skipped == 0 ? "" : $" AND account NOT IN ({string.Join(", ", Enumerable.Range(0, skipped).Select(i => $"@skip{i}"))})")}
        ORDER BY next_poll_at_ms, seq
        LIMIT @batchSize
        """;

    /// <summary>The <c>@skip0…</c> parameters of <see cref="SelectSeqs"/>.</summary>
    public static void AddSkipped(DbCommand command, IReadOnlyList<string> skipAccounts)
    {
        for (var i = 0; i < skipAccounts.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@skip{i}";
            parameter.Value = skipAccounts[i];
            command.Parameters.Add(parameter);
        }
    }
}
