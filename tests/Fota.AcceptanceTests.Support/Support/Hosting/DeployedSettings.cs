namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The environment of deployed mode: FOTA_API_URL switches it on; FOTA_ADMIN_TOKEN, NRFCLOUD_MOCK_URL and
/// NRFCLOUD_MOCK_TOKEN must then be set too (NRFCLOUD_MOCK_TOKEN may be empty when the mock's admin API is open).
/// FOTA_CONFIGURED_ACCOUNT, FOTA_POLLER_FIRST_RETRY_DELAY, FOTA_UPGRADE_PATH_INTERVAL and NRFCLOUD_SIMULATOR_URL are optional: without them the scenarios that use them fail,
/// naming the variable they lack.
/// </summary>
public sealed record DeployedSettings(Uri ApiUrl, string AdminToken, Uri MockUrl, string MockToken)
{
    public const string ConfiguredAccountVariable = "FOTA_CONFIGURED_ACCOUNT";
    public const string PollerFirstRetryDelayVariable = "FOTA_POLLER_FIRST_RETRY_DELAY";
    public const string UpgradePathIntervalVariable = "FOTA_UPGRADE_PATH_INTERVAL";

    /// <summary>An account in the service's configuration whose apiEndpoint is the mock (FOTA_CONFIGURED_ACCOUNT).</summary>
    public string? ConfiguredAccount { get; init; }

    public const string SimulatorUrlVariable = "NRFCLOUD_SIMULATOR_URL";

    /// <summary>A mock nRF Cloud in simulator mode the service can reach (NRFCLOUD_SIMULATOR_URL), for <c>@simulator</c> features.</summary>
    public Uri? SimulatorUrl { get; init; }

    /// <summary>The service's <c>Fota:Poller:FirstRetryDelay</c> (FOTA_POLLER_FIRST_RETRY_DELAY, e.g. <c>00:00:00.200</c>).</summary>
    public TimeSpan? PollerFirstRetryDelay { get; init; }

    /// <summary>The service's <c>Fota:UpgradePath:Interval</c> (FOTA_UPGRADE_PATH_INTERVAL, e.g. <c>00:00:00.050</c>).</summary>
    public TimeSpan? UpgradePathInterval { get; init; }

    public const string ApiUrlVariable = "FOTA_API_URL";
    public const string AdminTokenVariable = "FOTA_ADMIN_TOKEN";
    public const string MockUrlVariable = "NRFCLOUD_MOCK_URL";
    public const string MockTokenVariable = "NRFCLOUD_MOCK_TOKEN";

    /// <summary>The deployed settings, or null when FOTA_API_URL is not set (in-process mode).</summary>
    public static DeployedSettings? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var apiUrl = environment(ApiUrlVariable);
        if (string.IsNullOrWhiteSpace(apiUrl))
        {
            return null;
        }

        var missing = new[] { AdminTokenVariable, MockUrlVariable, MockTokenVariable }
            .Where(name => environment(name) is null || (name != MockTokenVariable && string.IsNullOrWhiteSpace(environment(name))))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{ApiUrlVariable} is set, so the features run against a deployment, but {string.Join(" and ", missing)} "
                + $"{(missing.Count == 1 ? "is" : "are")} not set. Deployed mode needs {ApiUrlVariable}, {AdminTokenVariable}, "
                + $"{MockUrlVariable} and {MockTokenVariable} (empty when the mock's admin API is open).");
        }

        return new DeployedSettings(
            AbsoluteUrl(ApiUrlVariable, apiUrl),
            environment(AdminTokenVariable)!,
            AbsoluteUrl(MockUrlVariable, environment(MockUrlVariable)!),
            environment(MockTokenVariable)!)
        {
            ConfiguredAccount = environment(ConfiguredAccountVariable) is { Length: > 0 } account ? account : null,
            PollerFirstRetryDelay = environment(PollerFirstRetryDelayVariable) is { Length: > 0 } delay ? Delay(PollerFirstRetryDelayVariable, delay) : null,
            UpgradePathInterval = environment(UpgradePathIntervalVariable) is { Length: > 0 } interval ? Delay(UpgradePathIntervalVariable, interval) : null,
            SimulatorUrl = environment(SimulatorUrlVariable) is { Length: > 0 } simulator ? AbsoluteUrl(SimulatorUrlVariable, simulator) : null,
        };
    }

    private static TimeSpan Delay(string name, string value) =>
        TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var delay) && delay > TimeSpan.Zero
            ? delay
            : throw new InvalidOperationException($"{name} must be a positive time span such as 00:00:00.200, was '{value}'.");

    private static Uri AbsoluteUrl(string name, string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"{name} must be an absolute http(s) URL, was '{value}'.");
}
