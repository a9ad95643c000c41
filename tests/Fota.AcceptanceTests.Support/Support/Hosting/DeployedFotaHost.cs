using System.Net.WebSockets;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>A deployed service and mock nRF Cloud, reached over HTTP only (FOTA_API_URL and friends).</summary>
public sealed class DeployedFotaHost : IFotaHost
{
    private readonly HttpClient _mockAdminClient;

    private DeployedFotaHost(DeployedSettings settings)
    {
        ApiUrl = settings.ApiUrl.ToString().TrimEnd('/');
        AdminToken = settings.AdminToken;
        AccountApiEndpoint = settings.MockUrl;
        ConfiguredAccount = settings.ConfiguredAccount;
        PollerFirstRetryDelay = settings.PollerFirstRetryDelay;
        UpgradePathInterval = settings.UpgradePathInterval;
        SimulatorApiEndpoint = settings.SimulatorUrl;
        ApiClient = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _mockAdminClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        Mock = MockConnections.OverHttp(settings.MockUrl, settings.MockToken, _mockAdminClient);
        WebSocketUrl = WebSocketUrls.FromEnvironment(settings.ApiUrl, Environment.GetEnvironmentVariable);
    }

    public Uri WebSocketUrl { get; }

    public string? ConfiguredAccount { get; }

    public TimeSpan? PollerFirstRetryDelay { get; }

    public TimeSpan? UpgradePathInterval { get; }

    public Uri? SimulatorApiEndpoint { get; }

    public string Mode => "deployed";

    public string ApiUrl { get; }

    public HttpClient ApiClient { get; }

    public string AdminToken { get; }

    public IMockNrfCloud Mock { get; }

    public Uri AccountApiEndpoint { get; }

    public RetrySettings Retry { get; } = RetrySettings.FromEnvironment(RetrySettings.DeployedDefaults, Environment.GetEnvironmentVariable);

    public static DeployedFotaHost Create(DeployedSettings settings) => new(settings);

    /// <summary>Through <see cref="ClientWebSocket"/>, so a refused upgrade reports its status code.</summary>
    public async Task<WebSocket> ConnectWebSocketAsync(string fingerprint, string clientAddress, CancellationToken cancellationToken, string? origin = null)
    {
        var url = WebSocketUrls.ForFingerprint(WebSocketUrl, fingerprint);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader(ScenarioClient.Header, clientAddress);
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException failed) when (socket.HttpStatusCode != 0)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw new WebSocketRefusedException(status, $"The service answered the WebSocket upgrade of {url} with {status}.", failed);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        _mockAdminClient.Dispose();
        return ValueTask.CompletedTask;
    }
}
