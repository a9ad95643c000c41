namespace Fota.Api.Storage;

/// <summary>
/// The fair choice of due jobs, shared by both stores (parameters <c>@owner</c>, <c>@now</c>, <c>@perAccount</c>,
/// <c>@batchSize</c>): due longest first, but no account gets more than <c>@perAccount</c> claims of this owner at once,
/// counting the ones it still holds. So a batch can never be all one slow account's jobs while another account's job is due.
/// </summary>
public static class FairClaim
{
    /// <summary>The due, non-final, unclaimed (or lease-expired) rows, as SQL conditions on <c>fota_jobs</c>.</summary>
    public const string DueCondition =
        "NOT is_final AND next_poll_at_ms <= @now AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)";

    /// <summary>A query returning the <c>seq</c> of the jobs to claim.</summary>
    public const string SelectSeqs = $"""
        SELECT due.seq FROM (
            SELECT seq, account, next_poll_at_ms,
                   ROW_NUMBER() OVER (PARTITION BY account ORDER BY next_poll_at_ms, seq) AS account_rank
            FROM fota_jobs
            WHERE {DueCondition}) AS due
        LEFT JOIN (
            SELECT account, COUNT(*) AS held FROM fota_jobs
            WHERE claimed_by = @owner AND claimed_until_ms > @now
            GROUP BY account) AS mine ON mine.account = due.account
        WHERE due.account_rank + COALESCE(mine.held, 0) <= @perAccount
        ORDER BY due.next_poll_at_ms, due.seq
        LIMIT @batchSize
        """;
}
