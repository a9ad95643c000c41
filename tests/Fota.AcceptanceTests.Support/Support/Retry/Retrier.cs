
namespace Fota.AcceptanceTests.Support.Retry;

/// <summary>
/// Runs an attempt until it passes or the plan allows no more, waiting with exponential backoff in
/// between, logging every attempt. The final failure carries the last attempt's exception.
/// </summary>
public sealed class Retrier
{
    private readonly RetrySettings _settings;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Action<string> _log;

    public Retrier(RetrySettings settings, Action<string> log, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _settings = settings;
        _log = log;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? ((wait, token) => Task.Delay(wait, _time, token));
    }

    /// <summary>
    /// Less than this left of the budget counts as spent. Timers fire on the system tick, up to one tick (≤ 16 ms) before a
    /// stopwatch says the time is up, so an attempt that waited for the rest of the budget (a server-side wait) can come back
    /// with a sliver left; another attempt in it could only fail again.
    /// </summary>
    public static readonly TimeSpan SpentWithin = TimeSpan.FromMilliseconds(16);

    public RetrySettings Settings => _settings;

    /// <summary>Time left of the budget for an assertion that started at <paramref name="startedAt"/>.</summary>
    public TimeSpan Remaining(long startedAt)
    {
        var left = _settings.Budget - _time.GetElapsedTime(startedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public long Start() => _time.GetTimestamp();

    /// <summary>
    /// Runs <paramref name="attempt"/> (given the 1-based attempt number and the start timestamp) according to <paramref name="plan"/>.
    /// </summary>
    public async Task RunAsync(string what, RetryPlan plan, Func<int, long, Task> attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var startedAt = _time.GetTimestamp();
        for (var number = 1; ; number++)
        {
            try
            {
                await attempt(number, startedAt).ConfigureAwait(false);
                if (number > 1)
                {
                    _log($"{what}: attempt {number} passed after {Elapsed(startedAt)}");
                }

                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var wait = NextDelay(plan, number, startedAt);
                if (wait is null)
                {
                    if (number > 1 || plan.Retries)
                    {
                        _log($"{what}: attempt {number} failed, giving up after {Elapsed(startedAt)}: {FirstLine(failure.Message)}");
                        throw new StepFailedException(
                            $"{what} still failed after {number} attempt(s) in {Elapsed(startedAt)} ({Allowed(plan)}; every attempt is in the test output). Last attempt:{Environment.NewLine}{failure.Message}",
                            failure);
                    }

                    throw;
                }

                _log($"{what}: attempt {number} failed, retrying in {wait.Value.TotalMilliseconds:0} ms: {FirstLine(failure.Message)}");
                await _delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The wait before the next attempt after attempt <paramref name="attempts"/> failed, or null when the plan allows no more.</summary>
    public TimeSpan? NextDelay(RetryPlan plan, int attempts, long startedAt)
    {
        var delay = _settings.DelayBeforeRetry(attempts);
        if (plan.MaxRetries is { } max && attempts <= max)
        {
            return delay;
        }

        if (plan.WithinBudget && _settings.Tries is { } tries)
        {
            return attempts < tries ? delay : null;
        }

        if (plan.WithinBudget)
        {
            var remaining = Remaining(startedAt);
            if (remaining > SpentWithin)
            {
                return delay < remaining ? delay : remaining;
            }
        }

        return null;
    }

    /// <summary>What the plan allowed: <c>soon: budget 5000 ms</c>, <c>retrying 10 times</c> or both.</summary>
    private string Allowed(RetryPlan plan)
    {
        var budget = !plan.WithinBudget ? null
            : _settings.Tries is { } tries ? $"soon: @retry tries={tries}"
            : $"soon: budget {_settings.Budget.TotalMilliseconds:0} ms";
        var retries = plan.MaxRetries is { } max ? $"retrying {max} times" : null;
        return string.Join(", ", new[] { budget, retries }.Where(part => part is not null));
    }

    private string Elapsed(long startedAt) => $"{_time.GetElapsedTime(startedAt).TotalMilliseconds:0} ms";

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd('\r');
    }
}
