using System.Globalization;

namespace Fota.AcceptanceTests.Support.Matching;

/// <summary>
/// Whether requests came at growing intervals (the poller's backoff): with at least 4 intervals, the last one must be
/// at least twice the shortest one. The scenario waits for 7 polls: with the suite's poller settings (first wait 50 ms
/// in-process, 200 ms deployed, doubling up to 1 s / 2 s) the last of 6 intervals is 16 / 10 times the first wait, so
/// the timing noise of a loaded machine (seen up to a few hundred milliseconds per interval) stays well inside the
/// margin, while a poller without backoff (equal waits) fails.
/// </summary>
public static class PollIntervals
{
    public const int MinimumIntervals = 4;

    /// <summary>
    /// The poller's wait after a poll that changed the job: null when every interval is at least <paramref name="firstWait"/>
    /// and the shortest is less than twice it, else what is wrong. The poller never polls early, so the lower bound is exact;
    /// the upper bound tells the first wait from the next one (twice as long). Taking the shortest of several intervals
    /// keeps a loaded machine's occasional delays out of the check (the poller looks for due jobs every scan interval:
    /// 20 ms in-process, 50 ms deployed, against first waits of 50 ms and 200 ms).
    /// </summary>
    public static string? FirstWaitProblem(IReadOnlyList<DateTimeOffset> times, TimeSpan firstWait)
    {
        ArgumentNullException.ThrowIfNull(times);
        var intervals = Intervals(times);
        if (intervals.Count < 2)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{times.Count} request(s) give {intervals.Count} interval(s); 2 are needed.");
        }

        var shown = string.Join(", ", intervals.Select(i => i.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
        return intervals.Min() >= firstWait && intervals.Min() < firstWait * 2
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"expected every interval to be at least {firstWait.TotalMilliseconds:0} ms and the shortest less than {(firstWait * 2).TotalMilliseconds:0} ms; intervals: {shown} ms.");
    }

    /// <summary>What the stored due times lose (milliseconds): a retry may come this much before its wait is over.</summary>
    public static readonly TimeSpan ClockGranularity = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// A backoff that doubles from <paramref name="firstWait"/>: null when the intervals grow (<see cref="GrowthProblem"/>) and
    /// the k-th (from 0) is at least <paramref name="firstWait"/> × 2^k, less <see cref="ClockGranularity"/>, else what is wrong.
    /// A lower bound only: the service never retries before the wait is over, and a loaded machine only lengthens waits.
    /// </summary>
    public static string? DoublingProblem(IReadOnlyList<DateTimeOffset> times, TimeSpan firstWait)
    {
        ArgumentNullException.ThrowIfNull(times);
        var intervals = Intervals(times);
        for (var k = 0; k < intervals.Count; k++)
        {
            var least = firstWait * Math.Pow(2, k);
            if (intervals[k] < least - ClockGranularity)
            {
                return string.Create(CultureInfo.InvariantCulture, $"interval {k + 1} ({intervals[k].TotalMilliseconds:0} ms) is shorter than {least.TotalMilliseconds:0} ms ({firstWait.TotalMilliseconds:0} ms doubled {k} time(s)); intervals: {Shown(intervals)} ms.");
            }
        }

        return GrowthProblem(times);
    }

    /// <summary>Null when the times show growing intervals, else what is wrong.</summary>
    public static string? GrowthProblem(IReadOnlyList<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var intervals = Intervals(times);
        if (intervals.Count < MinimumIntervals)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{times.Count} request(s) give {intervals.Count} interval(s); {MinimumIntervals} are needed.");
        }

        var shortest = intervals.Min();
        var last = intervals[^1];
        return last >= shortest * 2
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the last interval ({last.TotalMilliseconds:0} ms) is less than twice the shortest ({shortest.TotalMilliseconds:0} ms); intervals: {Shown(intervals)} ms.");
    }

    private static List<TimeSpan> Intervals(IReadOnlyList<DateTimeOffset> times) =>
        times.Zip(times.Skip(1), (earlier, later) => later - earlier).ToList();

    private static string Shown(IEnumerable<TimeSpan> intervals) =>
        string.Join(", ", intervals.Select(i => i.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
}
