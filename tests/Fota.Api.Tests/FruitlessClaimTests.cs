using Fota.Api.Jobs.Polling;

namespace Fota.Api.Tests;

/// <summary>When the poller may skip a claim that left out the accounts holding their share and found too few jobs.</summary>
public sealed class FruitlessClaimTests
{
    private static readonly DateTimeOffset At = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(1);
    private readonly FruitlessClaim _claim = new(["busy"], NewJobs: 7, At);

    [Fact]
    public void The_same_claim_before_the_scan_interval_without_a_new_job_repeats_it() =>
        _claim.Repeats(["busy"], 7, At + TimeSpan.FromMilliseconds(999), ScanInterval).Should().BeTrue();

    [Fact]
    public void A_new_job_is_worth_a_claim_at_once() =>
        _claim.Repeats(["busy"], 8, At, ScanInterval).Should().BeFalse("the new job may be another account's");

    [Fact]
    public void Once_the_scan_interval_passed_jobs_that_became_due_are_looked_for() =>
        _claim.Repeats(["busy"], 7, At + ScanInterval, ScanInterval).Should().BeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("busy,other")]
    [InlineData("other")]
    public void Other_accounts_left_out_make_another_claim(string leftOut) =>
        _claim.Repeats(leftOut.Split(',', StringSplitOptions.RemoveEmptyEntries), 7, At, ScanInterval)
            .Should().BeFalse("an account back under its share may claim again now");
}
