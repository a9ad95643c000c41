using Fota.AcceptanceTests.Support.Matching;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>The poller's first wait as the mock's recorded times show it.</summary>
public sealed class PollIntervalsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(new[] { 50, 60, 250 })] // delays only ever lengthen a wait; the shortest decides
    [InlineData(new[] { 99, 99 })]
    public void Waits_of_the_first_retry_delay_pass(int[] intervals) =>
        PollIntervals.FirstWaitProblem(Times(intervals), FirstWait).Should().BeNull();

    [Theory]
    [InlineData(new[] { 100, 100, 120 }, "shortest less than 100 ms")] // the wait after an unchanged poll: twice as long
    [InlineData(new[] { 50, 20, 50 }, "at least 50 ms")] // a poll earlier than the first wait
    [InlineData(new[] { 50 }, "2 are needed")]
    public void Other_waits_fail_saying_why(int[] intervals, string why) =>
        PollIntervals.FirstWaitProblem(Times(intervals), FirstWait).Should().Contain(why);

    private static List<DateTimeOffset> Times(int[] intervals)
    {
        var times = new List<DateTimeOffset> { Start };
        foreach (var interval in intervals)
        {
            times.Add(times[^1].AddMilliseconds(interval));
        }

        return times;
    }
}
