using Fota.AcceptanceTests.Support.Matching;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>The poller's first wait and the cancel's doubling backoff as the mock's recorded times show them.</summary>
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

    [Theory]
    [InlineData(new[] { 40, 80, 160, 320, 640 })]
    [InlineData(new[] { 39, 79, 159, 319, 639 })] // a stored due time may be a millisecond early
    [InlineData(new[] { 300, 90, 200, 320, 700 })] // delays only ever lengthen a wait
    public void Intervals_doubling_from_at_least_the_first_wait_pass(int[] intervals) =>
        PollIntervals.DoublingProblem(Times(intervals), TimeSpan.FromMilliseconds(40)).Should().BeNull();

    [Theory]
    [InlineData(new[] { 20, 25, 20, 30, 45 }, "interval 1 (20 ms) is shorter than 40 ms")] // no wait: every retry at the flow's next look
    [InlineData(new[] { 40, 80, 160, 300, 640 }, "interval 4 (300 ms) is shorter than 320 ms (40 ms doubled 3 time(s))")]
    [InlineData(new[] { 400, 400, 400, 400, 640 }, "less than twice the shortest")] // long enough, but not growing
    [InlineData(new[] { 40, 80, 160 }, "4 are needed")]
    public void Intervals_short_of_doubling_fail_saying_why(int[] intervals, string why) =>
        PollIntervals.DoublingProblem(Times(intervals), TimeSpan.FromMilliseconds(40)).Should().Contain(why);

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
