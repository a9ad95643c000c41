namespace Fota.AcceptanceTests.Support.Retry;

/// <summary>
/// How often one assertion may be tried: at most <see cref="MaxRetries"/> retries (when set) and/or
/// until the settings' budget is spent (when <see cref="WithinBudget"/>); another attempt happens
/// while either allows it.
/// </summary>
public readonly record struct RetryPlan(int? MaxRetries, bool WithinBudget)
{
    /// <summary>One attempt, no retries.</summary>
    public static RetryPlan Once { get; } = new(null, false);

    public bool Retries => MaxRetries > 0 || WithinBudget;

    /// <summary>
    /// Whether a retry of an assertion on a response re-sends the request: always when the request was
    /// prepared "retrying N times", otherwise only for methods without side effects.
    /// </summary>
    public static bool ResendsOnRetry(string method, int? retrying) =>
        retrying is not null
        || string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)
        || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)
        || string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The plan of an assertion on the response to a request. Without re-sending nothing can change,
    /// so such an assertion runs once even when written "soon".
    /// </summary>
    public static RetryPlan ForResponse(string method, int? retrying, bool soon) =>
        ResendsOnRetry(method, retrying) && (soon || retrying is not null)
            ? new RetryPlan(retrying, soon)
            : Once;

    /// <summary>The plan of an assertion on what the mock nRF Cloud recorded.</summary>
    public static RetryPlan ForMock(bool soon) => soon ? new RetryPlan(null, true) : Once;
}
