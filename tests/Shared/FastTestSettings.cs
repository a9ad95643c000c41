namespace Fota.Testing;

/// <summary>
/// The one source of the service's fast test configuration (keys as in the service's README): a poller and reconciler on
/// milliseconds and quick nRF Cloud retries. Compiled into Fota.Api.Tests, Fota.AcceptanceTests.Support and bench/api by a linked
/// <c>&lt;Compile Include&gt;</c>, so no test project references another. Each host adds its own database, admin token
/// and overrides on top.
/// </summary>
internal static class FastTestSettings
{
    public static IReadOnlyDictionary<string, string> Service { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Fota:Poller:Enabled"] = "true",
        ["Fota:Poller:FirstRetryDelay"] = "00:00:00.050",
        ["Fota:Poller:MaxRetryDelay"] = "00:00:00.200",
        ["Fota:Poller:BackoffFactor"] = "2",
        ["Fota:Poller:ScanInterval"] = "00:00:00.020",
        ["Fota:Poller:ClaimDuration"] = "00:00:30",
        ["Fota:UpgradePath:Interval"] = "00:00:00.020",
        ["NrfCloud:MaxRetries"] = "2",
        ["NrfCloud:RetryBaseDelay"] = "00:00:00.010",
        ["NrfCloud:MaxRetryDelay"] = "00:00:00.100",
        ["NrfCloud:AttemptTimeout"] = "00:00:05",
        ["NrfCloud:TotalTimeout"] = "00:00:10",
        ["Fota:Reconcile:Interval"] = "00:00:00.050",
        ["Fota:Reconcile:FirstRetry"] = "00:00:00.200",
        ["Fota:Reconcile:MaxRetry"] = "00:00:01",
        ["Fota:DeviceState:Interval"] = "00:00:00.050",
    };
}
