using System.Net.WebSockets;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Where the service and the mock nRF Cloud run, as the drivers see it. In-process and deployed
/// hosts implement it; steps never know which one they use.
/// </summary>
public interface IFotaHost : IAsyncDisposable
{
    /// <summary>"in-process" or "deployed", for log lines.</summary>
    string Mode { get; }

    /// <summary>The service's base URL, <c>APIURL</c> in the features (no trailing slash).</summary>
    string ApiUrl { get; }

    /// <summary>Sends requests to the service (absolute URLs under <see cref="ApiUrl"/>). Shared: set headers per request.</summary>
    HttpClient ApiClient { get; }

    /// <summary>The bearer token of the service's admin API.</summary>
    string AdminToken { get; }

    /// <summary>The mock nRF Cloud: queue responses, read the journal.</summary>
    IMockNrfCloud Mock { get; }

    /// <summary>What an nRF Cloud account's apiEndpoint must be so the service reaches the mock.</summary>
    Uri AccountApiEndpoint { get; }

    /// <summary>
    /// The name of an nRF Cloud account in the service's configuration (<c>NrfCloud:Accounts:{name}</c>) whose apiEndpoint
    /// is the mock, or null when the environment has none; the variable <c>configuredNrfCloudAccount</c>.
    /// </summary>
    string? ConfiguredAccount => null;

    /// <summary>
    /// What an nRF Cloud account's apiEndpoint must be so the service reaches a mock nRF Cloud in simulator mode (SPEC 4.1),
    /// or null when the environment has none (deployed: <c>NRFCLOUD_SIMULATOR_URL</c>). Used by <c>@simulator</c> features.
    /// </summary>
    Uri? SimulatorApiEndpoint => null;

    /// <summary>The service's <c>Fota:Poller:FirstRetryDelay</c>, or null when unknown; the variable <c>pollerFirstRetryDelayMs</c>.</summary>
    TimeSpan? PollerFirstRetryDelay => null;

    /// <summary>The service's <c>Fota:UpgradePath:Interval</c>, or null when unknown; the variable <c>upgradePathIntervalMs</c>.</summary>
    TimeSpan? UpgradePathInterval => null;

    /// <summary>Backoff and budget of "soon" and "retrying".</summary>
    RetrySettings Retry { get; }

    /// <summary>The service's notification WebSocket endpoint (<c>…/ws</c>, without query).</summary>
    Uri WebSocketUrl => WebSocketUrls.Derive(new Uri(ApiUrl));

    /// <summary>
    /// Opens a WebSocket to <see cref="WebSocketUrl"/> with <c>?fingerprint=…</c>, as the client <paramref name="clientAddress"/>
    /// (<c>X-Forwarded-For</c>), and with a browser's <c>Origin</c> header when <paramref name="origin"/> is given. When the
    /// service refuses the upgrade it throws <see cref="WebSocketRefusedException"/> with the status code.
    /// </summary>
    Task<WebSocket> ConnectWebSocketAsync(string fingerprint, string clientAddress, CancellationToken cancellationToken, string? origin = null) =>
        throw new NotSupportedException($"The {Mode} host cannot open WebSockets.");
}
