using System.Globalization;
using Fota.AcceptanceTests.Support.Retry;
using Microsoft.Data.Sqlite;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// A scenario's own service (tag <c>@own-instances</c>, in-process only): a SQLite database of its own, the suite's mock
/// (partitioned by API key, so shared safely) and one service instance at a time behind one API client, so the scenario
/// can restart the service, or let an instance die and start another on the same database (SPEC §3.6). Otherwise
/// configured as the shared in-process host, with a short claim margin (<see cref="ShortClaims"/>).
/// </summary>
public sealed class OwnInstancesHost : IFotaHost
{
    /// <summary>
    /// A dead instance's claim of an upgrade-path job runs out after <c>CreateBound(NrfCloud:TotalTimeout)</c> (the timeout
    /// and twice the 10 s store budget) plus <c>Fota:UpgradePath:ClaimMargin</c>: 4 + 20 + 1 = 25 s here, 70 s by default.
    /// The attempt timeout still lets a create answered after seconds (<c>X-Mock-Delay</c>) succeed.
    /// </summary>
    private static readonly Dictionary<string, string> ShortClaims = new(StringComparer.Ordinal)
    {
        ["NrfCloud:AttemptTimeout"] = "00:00:04",
        ["NrfCloud:TotalTimeout"] = "00:00:04",
        ["Fota:UpgradePath:ClaimMargin"] = "00:00:01",
    };

    private readonly Dictionary<string, string?> _settings;
    private readonly string _databaseFolder;
    private readonly InstanceSwitchingHandler _handler;
    private ServiceInstance _current;

    private OwnInstancesHost(ServiceInstance first, Dictionary<string, string?> settings, string databaseFolder, string adminToken, IMockNrfCloud mock, RetrySettings retry)
    {
        _current = first;
        _settings = settings;
        _databaseFolder = databaseFolder;
        _handler = new InstanceSwitchingHandler(first.Handler);
        AdminToken = adminToken;
        Mock = mock;
        Retry = retry;
        ApiClient = new HttpClient(_handler) { BaseAddress = first.Factory.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        ApiUrl = ApiClient.BaseAddress!.ToString().TrimEnd('/');
    }

    public string Mode => "in-process (own instances)";

    public string ApiUrl { get; }

    public HttpClient ApiClient { get; }

    public string AdminToken { get; }

    public IMockNrfCloud Mock { get; }

    public Uri AccountApiEndpoint => Mock.ApiEndpoint;

    public string? ConfiguredAccount => InProcessFotaHost.ConfiguredAccountName;

    public TimeSpan? PollerFirstRetryDelay =>
        _settings["Fota:Poller:FirstRetryDelay"] is { } delay ? TimeSpan.Parse(delay, CultureInfo.InvariantCulture) : null;

    public RetrySettings Retry { get; }

    /// <summary>Starts the first instance on a new database.</summary>
    public static async Task<OwnInstancesHost> StartAsync(IMockNrfCloud sharedMock, RetrySettings retry)
    {
        ArgumentNullException.ThrowIfNull(sharedMock);
        var folder = Directory.CreateTempSubdirectory("fota-own-instances-").FullName;
        var adminToken = "suite-admin-" + Guid.NewGuid().ToString("N");
        var settings = InProcessFotaHost.Settings(Path.Combine(folder, "fota.db"), adminToken, sharedMock.ApiEndpoint);
        foreach (var (key, value) in ShortClaims)
        {
            settings[key] = value;
        }

        var first = await ServiceInstance.StartAsync(settings).ConfigureAwait(false);
        return new OwnInstancesHost(first, settings, folder, adminToken, sharedMock, retry);
    }

    /// <summary>
    /// A restart as a rolling deployment does it: a new instance starts on the same database and takes the API client
    /// over, then the old one stops gracefully (its running passes end, its claims are given back).
    /// </summary>
    public async Task RestartAsync()
    {
        var stopping = await SwitchToNewInstanceAsync().ConfigureAwait(false);
        await stopping.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A restart (<see cref="RestartAsync"/>) whose new instance, and every later one, runs with <paramref name="changes"/>
    /// (configuration keys as in SPEC §6) over the settings so far.
    /// </summary>
    public Task RestartWithAsync(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            _settings[key] = value;
        }

        return RestartAsync();
    }

    /// <summary>
    /// Starts an instance with <paramref name="changes"/> over the settings so far, beside the running one, expecting it to
    /// refuse: what its start threw, or null when it started (it is stopped again). The running instance is untouched.
    /// </summary>
    public async Task<Exception?> TryStartWithAsync(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var settings = new Dictionary<string, string?>(_settings, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        ServiceInstance started;
        try
        {
            started = await ServiceInstance.StartAsync(settings).ConfigureAwait(false);
        }
        catch (Exception refused)
        {
            return refused;
        }

        await started.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>The running instance's next call of <paramref name="operation"/> on <paramref name="store"/> fails, as in a database outage.</summary>
    public void FailNext(Type store, string operation) => _current.Faults.FailNext(store, operation);

    /// <summary>The running instance dies right after the store call <paramref name="moment"/> picks.</summary>
    public void DieAt(DeathMoment moment) => _current.Death.DieAt(moment);

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until the running instance has died, then starts a new one on the same
    /// database. The dead one's claims stay until their lease runs out. False when it did not die in time.
    /// </summary>
    public async Task<bool> ReplaceDeadInstanceAsync(TimeSpan timeout)
    {
        try
        {
            await _current.Death.Died.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }

        var dead = await SwitchToNewInstanceAsync().ConfigureAwait(false);
        await dead.DisposeAsync().ConfigureAwait(false); // its stop meets only dead stores: nothing of it reaches the database
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        await _current.DisposeAsync().ConfigureAwait(false);
        using (var database = new SqliteConnection(_settings["ConnectionStrings:Fota"]))
        {
            SqliteConnection.ClearPool(database);
        }

        try
        {
            Directory.Delete(_databaseFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    private async Task<ServiceInstance> SwitchToNewInstanceAsync()
    {
        var next = await ServiceInstance.StartAsync(_settings).ConfigureAwait(false);
        _handler.SwitchTo(next.Handler);
        return Interlocked.Exchange(ref _current, next);
    }
}
