using System.Globalization;
using System.Net.WebSockets;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Retry;
using Fota.Testing;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The service through the one test host (<see cref="FotaTestHost{TEntryPoint}"/>, tests/Shared) and the mock nRF Cloud
/// on a loopback port, both in this process. Requests to the service go through the host's in-memory client.
/// </summary>
public sealed class InProcessFotaHost : IFotaHost
{
    /// <summary>The account in the service's configuration (as scripts/run-deployed.sh configures it too).</summary>
    public const string ConfiguredAccountName = "suite-configured";

    private readonly FotaTestHost<Program> _factory;
    private readonly IMockNrfCloud _mock;
    private readonly bool _ownsMock;
    private readonly string _databaseFolder;
    private readonly Lazy<MockNrfCloud.InProcessMockNrfCloud> _simulator = new(MockConnections.StartInProcessSimulator);

    private InProcessFotaHost(FotaTestHost<Program> factory, IMockNrfCloud mock, bool ownsMock, string databaseFolder, string adminToken, RetrySettings retry)
    {
        Retry = retry;
        _factory = factory;
        _mock = mock;
        _ownsMock = ownsMock;
        _databaseFolder = databaseFolder;
        AdminToken = adminToken;
        ApiClient = factory.CreateClient(new() { AllowAutoRedirect = false });
        ApiClient.Timeout = TimeSpan.FromSeconds(30);
        ApiUrl = ApiClient.BaseAddress!.ToString().TrimEnd('/');
    }

    public string Mode => "in-process";

    public string ApiUrl { get; }

    public HttpClient ApiClient { get; }

    public string AdminToken { get; }

    public IMockNrfCloud Mock => _mock;

    public Uri AccountApiEndpoint => _mock.ApiEndpoint;

    /// <summary>A second in-process mock, in simulator mode, started on first use (only <c>@simulator</c> features use it).</summary>
    public Uri? SimulatorApiEndpoint => _simulator.Value.ApiEndpoint;

    public string? ConfiguredAccount => ConfiguredAccountName;

    public TimeSpan? PollerFirstRetryDelay =>
        _factory.Settings["Fota:Poller:FirstRetryDelay"] is { } delay ? TimeSpan.Parse(delay, CultureInfo.InvariantCulture) : null;

    public TimeSpan? UpgradePathInterval =>
        _factory.Settings["Fota:UpgradePath:Interval"] is { } interval ? TimeSpan.Parse(interval, CultureInfo.InvariantCulture) : null;

    public RetrySettings Retry { get; }

    public Uri WebSocketUrl => WebSocketUrls.Derive(new Uri(ApiUrl));

    /// <summary>Through the test server's in-memory WebSocket client.</summary>
    public async Task<WebSocket> ConnectWebSocketAsync(string fingerprint, string clientAddress, CancellationToken cancellationToken, string? origin = null)
    {
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            request.Headers[ScenarioClient.Header] = clientAddress;
            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };

        var url = WebSocketUrls.ForFingerprint(WebSocketUrl, fingerprint);
        try
        {
            return await client.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException refused) when (refused.Message.StartsWith(IncompleteHandshake, StringComparison.Ordinal))
        {
            var status = int.TryParse(refused.Message.AsSpan(IncompleteHandshake.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
            throw new WebSocketRefusedException(status, $"The service answered the WebSocket upgrade of {url} with {status}.", refused);
        }
    }

    /// <summary>How the test server's WebSocket client reports a refused upgrade.</summary>
    private const string IncompleteHandshake = "Incomplete handshake, status code: ";

    /// <summary>
    /// Starts the service (and the mock, unless <paramref name="sharedMock"/> is given: the mock partitions
    /// by API key, so hosts can share one). <paramref name="retry"/> replaces the in-process retry settings.
    /// </summary>
    public static async Task<InProcessFotaHost> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        IMockNrfCloud? sharedMock = null,
        RetrySettings? retry = null,
        CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("fota-acceptance-").FullName;
        var mock = sharedMock ?? await MockConnections.StartInProcessAsync(cancellationToken).ConfigureAwait(false);
        var adminToken = "suite-admin-" + Guid.NewGuid().ToString("N");
        var factory = new FotaTestHost<Program>(
            Settings(Path.Combine(folder, "fota.db"), adminToken, mock.ApiEndpoint),
            configureServices is null ? null : builder => builder.ConfigureServices(configureServices));
        try
        {
            // A service that does not start (a bad option, a failing migration) throws here, with its reason.
            await factory.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(factory, mock, ownsMock: sharedMock is null, folder).ConfigureAwait(false);
            throw;
        }

        var host = new InProcessFotaHost(
            factory, mock, ownsMock: sharedMock is null, folder, adminToken,
            retry ?? RetrySettings.FromEnvironment(RetrySettings.InProcessDefaults, Environment.GetEnvironmentVariable));
        try
        {
            await HostWarmUp.RunAsync(host.ApiClient, adminToken, mock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>
    /// The configuration the suite runs the service with (keys as in SPEC §6): a private SQLite file, an admin token,
    /// <see cref="FastTestSettings"/> (a fast poller, fast nRF Cloud retries), a short not-found rule and one nRF Cloud
    /// account in configuration (<see cref="ConfiguredAccountName"/>, pointed at <paramref name="mockEndpoint"/>).
    /// </summary>
    internal static Dictionary<string, string?> Settings(string databaseFile, string adminToken, Uri mockEndpoint) =>
        new(FastTestSettings.Service.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)), StringComparer.Ordinal)
        {
            ["ConnectionStrings:Fota"] = $"Data Source={databaseFile}",
            ["Admin:Token"] = adminToken,
            // Room for the backoff to grow well past a loaded machine's timing noise (Polling.feature's growing intervals);
            // only that scenario waits for more than three polls of one job.
            ["Fota:Poller:MaxRetryDelay"] = "00:00:01",
            // Polling.feature ages a job past the not-found rule (SPEC 3.2's 24 h) within a scenario; every other scenario is
            // over long before a job of it is this old.
            ["Fota:Poller:NotFoundFailAfter"] = "00:00:10",
            [$"NrfCloud:Accounts:{ConfiguredAccountName}:ApiEndpoint"] = mockEndpoint.AbsoluteUri,
            [$"NrfCloud:Accounts:{ConfiguredAccountName}:ApiKey"] = "suite-configured-key-" + Guid.NewGuid().ToString("N"),
            // An unknown outcome no scenario reconciles (nothing queued for the jobs list) stops being retried soon.
            ["Fota:Reconcile:GiveUpAfter"] = "00:00:30",
            // features/v2/UpgradePathFlow.feature lets a device not report its new version: the flow gives up after this
            // (SPEC 3.6, default 1 h). Every other upgrade path's device reports within milliseconds of its step completing.
            ["Fota:UpgradePath:ReportTimeout"] = "00:00:05",
            // features/v2/UpgradePathCancel.feature watches nRF Cloud refuse every cancel until the flow gives up (default 20).
            ["Fota:UpgradePath:MaxCancelAttempts"] = "6",
        };

    public async ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        if (_simulator.IsValueCreated)
        {
            await _simulator.Value.DisposeAsync().ConfigureAwait(false);
        }

        await ReleaseAsync(_factory, _mock, _ownsMock, _databaseFolder).ConfigureAwait(false);
    }

    /// <summary>Stops the service (started or not) and the mock if it is this host's, and deletes the database folder.</summary>
    private static async Task ReleaseAsync(FotaTestHost<Program> factory, IMockNrfCloud mock, bool ownsMock, string databaseFolder)
    {
        await factory.DisposeAsync().ConfigureAwait(false);
        if (ownsMock && mock is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
