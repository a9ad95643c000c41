using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Client;

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
        ApiClient = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _mockAdminClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        Mock = MockConnections.OverHttp(settings.MockUrl, settings.MockToken, _mockAdminClient);
    }

    public string Mode => "deployed";

    public string ApiUrl { get; }

    public HttpClient ApiClient { get; }

    public string AdminToken { get; }

    public IMockNrfCloud Mock { get; }

    public Uri AccountApiEndpoint { get; }

    public RetrySettings Retry { get; } = RetrySettings.FromEnvironment(RetrySettings.DeployedDefaults, Environment.GetEnvironmentVariable);

    public static DeployedFotaHost Create(DeployedSettings settings) => new(settings);

    public ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        _mockAdminClient.Dispose();
        return ValueTask.CompletedTask;
    }
}
