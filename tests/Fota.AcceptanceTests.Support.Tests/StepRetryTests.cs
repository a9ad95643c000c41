using Fota.AcceptanceTests.Support.Retry;
using Microsoft.Extensions.Time.Testing;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>BDD-Markdown's <c>@retry</c> directive mapped onto the suite's retry settings.</summary>
public sealed class StepRetryTests
{
    private static readonly RetrySettings Defaults = new(TimeSpan.FromMilliseconds(20), 2, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

    [Fact]
    public void A_retry_directive_sets_the_initial_delay_the_factor_and_the_tries()
    {
        var settings = StepRetry.Apply(Defaults, new Dictionary<string, string> { ["tries"] = "3", ["initialDelay"] = "100", ["delayFactor"] = "1.5" });

        settings.Should().Be(Defaults with { Tries = 3, InitialDelay = TimeSpan.FromMilliseconds(100), Factor = 1.5 });
        settings.DelayBeforeRetry(2).Should().Be(TimeSpan.FromMilliseconds(150));
        StepRetry.Apply(Defaults, new Dictionary<string, string>()).Should().BeSameAs(Defaults, "no directive, no change");
    }

    [Theory]
    [InlineData("tries", "0", "*tries must be a whole number of at least 1, was '0'*")]
    [InlineData("tries", "2.5", "*tries must be a whole number*")]
    [InlineData("delayFactor", "fast", "*delayFactor must be a number of at least 1, was 'fast'*")]
    [InlineData("retries", "3", "*unknown setting 'retries'*")]
    public void A_bad_retry_directive_names_the_setting(string name, string value, string message)
    {
        var apply = () => StepRetry.Apply(Defaults, new Dictionary<string, string> { [name] = value });

        apply.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public async Task With_tries_a_soon_assertion_gives_up_after_that_many_attempts_not_when_the_budget_is_spent()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var retrier = new Retrier(Defaults with { Tries = 3 }, _ => { }, time, (delay, _) =>
        {
            time.Advance(delay);
            return Task.CompletedTask;
        });

        var run = () => retrier.RunAsync("the thing", new RetryPlan(null, WithinBudget: true), (_, _) =>
        {
            attempts++;
            throw new InvalidOperationException("not yet");
        });

        (await run.Should().ThrowAsync<StepFailedException>()).Which.Message.Should().Contain("after 3 attempt(s)").And.Contain("soon: @retry tries=3");
        attempts.Should().Be(3, "the budget of 5 s would allow many more after 20 + 40 ms");
    }
}
