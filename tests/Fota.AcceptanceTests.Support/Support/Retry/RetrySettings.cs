using System.Globalization;

namespace Fota.AcceptanceTests.Support.Retry;

/// <summary>
/// The one place that says how long "soon" and "retrying N times" keep trying: exponential backoff
/// from <see cref="InitialDelay"/>, multiplied by <see cref="Factor"/>, capped at <see cref="MaxDelay"/>;
/// a "soon" assertion gives up when <see cref="Budget"/> is spent.
/// </summary>
public sealed record RetrySettings(TimeSpan InitialDelay, double Factor, TimeSpan MaxDelay, TimeSpan Budget)
{
    public const string InitialDelayVariable = "FOTA_RETRY_INITIAL_DELAY_MS";
    public const string FactorVariable = "FOTA_RETRY_FACTOR";
    public const string MaxDelayVariable = "FOTA_RETRY_MAX_DELAY_MS";
    public const string BudgetVariable = "FOTA_RETRY_BUDGET_MS";

    /// <summary>When set (a BDD-Markdown <c>@retry:tries=N</c>), a "soon" assertion makes at most this many attempts instead of spending the budget.</summary>
    public int? Tries { get; init; }

    /// <summary>In-process: the service polls nRF Cloud every few tens of milliseconds.</summary>
    public static RetrySettings InProcessDefaults { get; } =
        new(TimeSpan.FromMilliseconds(20), 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    /// <summary>Deployed: real processes over real networks, slower poller settings.</summary>
    public static RetrySettings DeployedDefaults { get; } =
        new(TimeSpan.FromMilliseconds(250), 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var milliseconds = InitialDelay.TotalMilliseconds * Math.Pow(Factor, retry - 1);
        return milliseconds >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary><paramref name="defaults"/> with every variable that is set taking its place; a bad value fails naming the variable.</summary>
    public static RetrySettings FromEnvironment(RetrySettings defaults, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = defaults with
        {
            InitialDelay = Milliseconds(InitialDelayVariable, defaults.InitialDelay),
            Factor = Number(FactorVariable, defaults.Factor),
            MaxDelay = Milliseconds(MaxDelayVariable, defaults.MaxDelay),
            Budget = Milliseconds(BudgetVariable, defaults.Budget),
        };
        if (settings.Factor < 1)
        {
            throw new InvalidOperationException($"{FactorVariable} must be at least 1, was {settings.Factor}.");
        }

        return settings;

        TimeSpan Milliseconds(string name, TimeSpan fallback) => TimeSpan.FromMilliseconds(Number(name, fallback.TotalMilliseconds));

        double Number(string name, double fallback)
        {
            var text = environment(name);
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new InvalidOperationException($"{name} must be a positive number, was '{text}'.");
            }

            return value;
        }
    }
}
