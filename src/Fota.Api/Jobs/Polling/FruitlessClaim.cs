namespace Fota.Api.Jobs.Polling;

/// <summary>
/// A claim that left out the accounts holding their share and still found fewer jobs than it wanted: it took every due job
/// of the other accounts. Until a new job is signalled, the left-out accounts change or the scan interval passes, the same
/// claim would find nothing — and it is not cheap: leaving out the accounts that own most due jobs makes the database read
/// past all of them (a round over 100 000 jobs of one account on PostgreSQL spent most of its time there;
/// bench/api/README.md §2b). Jobs of other accounts that become due meanwhile are found at the next scan, as on an idle
/// poller; a new job is found at once. A claim that leaves nobody out says nothing about it: the busy account's own claims
/// in between keep it.
/// </summary>
internal sealed record FruitlessClaim(IReadOnlyList<string> LeftOut, long NewJobs, DateTimeOffset At)
{
    public bool Repeats(IReadOnlyList<string> leftOut, long newJobs, DateTimeOffset now, TimeSpan scanInterval) =>
        newJobs == NewJobs && now - At < scanInterval && leftOut.SequenceEqual(LeftOut, StringComparer.Ordinal);
}
