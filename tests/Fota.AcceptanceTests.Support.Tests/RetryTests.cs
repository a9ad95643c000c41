using Fota.AcceptanceTests.Support.Retry;
using Microsoft.Extensions.Time.Testing;

namespace Fota.AcceptanceTests.Support.Tests;

public sealed class RetryTests
{
    private static readonly RetrySettings Settings = new(TimeSpan.FromMilliseconds(20), 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    [Fact]
    public void Delays_grow_exponentially_up_to_the_maximum()
    {
        Enumerable.Range(1, 6).Select(Settings.DelayBeforeRetry).Select(d => d.TotalMilliseconds)
            .Should().Equal(20, 40, 80, 160, 200, 200);
    }

    [Fact]
    public async Task A_soon_assertion_retries_until_the_budget_is_spent_then_reports_the_last_attempt()
    {
        var (retrier, delays, _) = Create();
        var attempts = 0;

        var run = () => retrier.RunAsync("check", RetryPlan.ForMock(soon: true), (_, _) =>
        {
            attempts++;
            throw new InvalidOperationException($"failure {attempts}");
        });

        var failure = (await run.Should().ThrowAsync<StepFailedException>()).Which;
        failure.Message.Should().Contain($"failure {attempts}").And.Contain($"{attempts} attempt(s)").And.Contain("soon: budget 1000 ms");
        delays.Sum(d => d.TotalMilliseconds).Should().Be(1000, "the waits fill exactly the budget, the last one cut to what is left");
        delays.Select(d => d.TotalMilliseconds).Should().StartWith([20, 40, 80, 160, 200]);
        attempts.Should().Be(delays.Count + 1);
    }

    [Fact]
    public async Task An_attempt_that_used_the_budget_but_for_a_timer_tick_is_the_last()
    {
        var time = new FakeTimeProvider();
        var retrier = new Retrier(Settings, _ => { }, time, (delay, _) => throw new InvalidOperationException("no wait expected"));
        var attempts = 0;

        var run = () => retrier.RunAsync("check", RetryPlan.ForMock(soon: true), (_, startedAt) =>
        {
            attempts++;
            time.Advance(retrier.Remaining(startedAt) - TimeSpan.FromMilliseconds(1)); // a server-side wait whose timer fired a tick early
            throw new InvalidOperationException("not there");
        });

        await run.Should().ThrowAsync<StepFailedException>();
        attempts.Should().Be(1, "one attempt that waited out the budget is one mock call, not two");
    }

    [Fact]
    public async Task Retrying_n_times_makes_n_retries_regardless_of_the_budget()
    {
        var (retrier, delays, _) = Create();
        var attempts = 0;

        var run = () => retrier.RunAsync("check", new RetryPlan(10, WithinBudget: false), (_, _) =>
        {
            attempts++;
            throw new InvalidOperationException("no");
        });

        await run.Should().ThrowAsync<StepFailedException>();
        attempts.Should().Be(11);
        delays.Should().HaveCount(10);
    }

    [Fact]
    public async Task Stops_at_the_first_passing_attempt_and_logs_each_attempt()
    {
        var (retrier, delays, log) = Create();
        var attempts = 0;

        await retrier.RunAsync("check", RetryPlan.ForMock(soon: true), (_, _) =>
        {
            attempts++;
            return attempts < 3 ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        attempts.Should().Be(3);
        delays.Should().HaveCount(2);
        log.Should().HaveCount(3).And.Contain(l => l.Contains("attempt 1 failed", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("attempt 3 passed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_single_attempt_rethrows_the_original_failure()
    {
        var (retrier, delays, _) = Create();

        var run = () => retrier.RunAsync("check", RetryPlan.Once, (_, _) => throw new InvalidOperationException("original"));

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithMessage("original");
        delays.Should().BeEmpty();
    }

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("HEAD", null, true)]
    [InlineData("OPTIONS", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("PUT", null, false)]
    [InlineData("DELETE", null, false)]
    [InlineData("POST", 3, true)]
    public void Only_safe_methods_are_resent_unless_retrying_is_written(string method, int? retrying, bool resends)
    {
        RetryPlan.ResendsOnRetry(method, retrying).Should().Be(resends);
    }

    [Fact]
    public void Plans_follow_the_step_wording()
    {
        RetryPlan.ForResponse("GET", null, soon: true).Should().Be(new RetryPlan(null, true));
        RetryPlan.ForResponse("GET", null, soon: false).Should().Be(RetryPlan.Once);
        RetryPlan.ForResponse("POST", null, soon: true).Should().Be(RetryPlan.Once, "a POST that is not re-sent cannot change");
        RetryPlan.ForResponse("GET", 10, soon: false).Should().Be(new RetryPlan(10, false));
        RetryPlan.ForResponse("POST", 2, soon: true).Should().Be(new RetryPlan(2, true));
        RetryPlan.ForMock(soon: false).Should().Be(RetryPlan.Once);
    }

    [Fact]
    public void Environment_variables_override_the_defaults_and_bad_values_name_the_variable()
    {
        var environment = new Dictionary<string, string?>
        {
            [RetrySettings.InitialDelayVariable] = "5",
            [RetrySettings.BudgetVariable] = "60000",
        };

        var settings = RetrySettings.FromEnvironment(RetrySettings.InProcessDefaults, name => environment.GetValueOrDefault(name));

        settings.InitialDelay.Should().Be(TimeSpan.FromMilliseconds(5));
        settings.Budget.Should().Be(TimeSpan.FromMinutes(1));
        settings.MaxDelay.Should().Be(RetrySettings.InProcessDefaults.MaxDelay);

        var bad = () => RetrySettings.FromEnvironment(RetrySettings.InProcessDefaults, name => name == RetrySettings.FactorVariable ? "fast" : null);
        bad.Should().Throw<InvalidOperationException>().WithMessage("*FOTA_RETRY_FACTOR*fast*");
    }

    private static (Retrier Retrier, List<TimeSpan> Delays, List<string> Log) Create()
    {
        var time = new FakeTimeProvider();
        var delays = new List<TimeSpan>();
        var log = new List<string>();
        var retrier = new Retrier(Settings, log.Add, time, (delay, _) =>
        {
            delays.Add(delay);
            time.Advance(delay);
            return Task.CompletedTask;
        });
        return (retrier, delays, log);
    }
}
