using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The service under test with test configuration: a private database (a SQLite file, or a PostgreSQL database with
/// <c>FOTA_TEST_DATABASE=postgres</c>: see <see cref="TestDatabase"/>), an admin token, a fast poller, fast retries,
/// the real mock nRF Cloud in-process (<c>mock:</c>, <see cref="MockNrfCloudCalls"/>) or a <see cref="FakeNrfCloud"/> for
/// the faults the mock cannot express, captured logs, and optionally a <see cref="FakeTimeProvider"/>; hosted by the
/// one test host, <see cref="FotaTestHost{TEntryPoint}"/> (tests/Shared), with the helpers these tests share.
/// </summary>
public sealed class FotaApiFactory : FotaTestHost<Program>
{
    public const string AdminToken = "test-admin-token-5b1f";
    public const string ApiEndpoint = "https://nrfcloud.test";
    public const string AccountName = "test";

    /// <summary>
    /// Attempt and total timeouts for tests on the mock that test no timeout: on a loaded machine the first answer of a
    /// fresh in-process mock can take longer than the test default (5 s), which the service would rightly treat as an
    /// unknown outcome.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PatientNrfCloud { get; } = new Dictionary<string, string?>
    {
        ["NrfCloud:AttemptTimeout"] = "00:00:30",
        ["NrfCloud:TotalTimeout"] = "00:01:00",
    };

    private readonly TestDatabase? _ownedDatabase;
    private readonly FakeTimeProvider? _time;
    private readonly Uri? _realNrfCloud;
    private readonly Action<IServiceCollection>? _services;
    private readonly InProcessMockNrfCloud? _mock;

    /// <param name="databasePath">Share a database file with another factory (a second instance, or a restart); default a new temp file.</param>
    /// <param name="nrfCloud">Share a fake nRF Cloud; default a new one.</param>
    /// <param name="time">Drive time by hand; default the system clock.</param>
    /// <param name="settings">Configuration on top of the test defaults (null removes a key).</param>
    /// <param name="database">Share a database of any kind with another factory; wins over <paramref name="databasePath"/>.</param>
    /// <param name="realNrfCloud">Call this URL over real HTTP (the service's own handler) instead of the fake.</param>
    /// <param name="services">More services, after the service's own (an in-memory telemetry exporter).</param>
    /// <param name="mock">Call this in-process mock nRF Cloud over real HTTP instead of the fake; the factory disposes it.</param>
    public FotaApiFactory(
        string? databasePath = null,
        FakeNrfCloud? nrfCloud = null,
        FakeTimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TestDatabase? database = null,
        Uri? realNrfCloud = null,
        Action<IServiceCollection>? services = null,
        InProcessMockNrfCloud? mock = null)
        : base(FastTestSettings.Service.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
    {
        if (database is null && databasePath is null)
        {
            _ownedDatabase = TestDatabase.Create(TestDatabase.DefaultKind);
        }

        _mock = mock;
        _realNrfCloud = mock?.ApiEndpoint ?? realNrfCloud;
        _services = services;
        Database = database ?? _ownedDatabase ?? TestDatabase.Sqlite(databasePath!);
        NrfCloud = nrfCloud ?? new FakeNrfCloud();
        _time = time;
        ApiKey = $"key-{Guid.NewGuid():N}";
        Settings["ConnectionStrings:Fota"] = Database.ConnectionString;
        Settings["Admin:Token"] = AdminToken;
        Settings["Http:RateLimit:PermitLimit"] = "1000000"; // every test request comes from one address; RateLimitTests lower it
        Settings["Logging:LogLevel:Default"] = "Trace";
        Settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace";
        Settings["Logging:LogLevel:Polly"] = "Trace";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    /// <summary>The database this instance runs on.</summary>
    public TestDatabase Database { get; }

    public FakeNrfCloud NrfCloud { get; }

    /// <summary>Whether this service calls the in-process mock nRF Cloud (<see cref="Mock"/>) rather than the fake.</summary>
    public bool OnMock => _mock is not null;

    /// <summary>The in-process mock nRF Cloud this service calls (given as <c>mock:</c>).</summary>
    public InProcessMockNrfCloud Mock => _mock ?? throw new InvalidOperationException("This service calls the fake nRF Cloud; create it with mock: new InProcessMockNrfCloud().");

    /// <summary>The apiEndpoint of the accounts the tests register: the mock's, the real URL given, or the fake's host.</summary>
    public string NrfCloudEndpoint => _realNrfCloud?.AbsoluteUri ?? ApiEndpoint;

    /// <summary>The key of the account <see cref="AccountName"/> that <see cref="RegisterDeviceAsync"/> creates.</summary>
    public string ApiKey { get; }

    public CapturedLogs Logs { get; } = new();

    public HttpClient CreateAdminClient(string token = AdminToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers (or updates) an account pointing at the fake nRF Cloud (default <see cref="AccountName"/> with <see cref="ApiKey"/>), then a new device in it.</summary>
    public async Task<DeviceResponse> RegisterDeviceAsync(string? deviceId = null, string? fingerprint = null, string account = AccountName, string? apiKey = null)
    {
        using var admin = CreateAdminClient();
        var registered = await admin.PutAsJsonAsync($"/admin/accounts/{account}", new { apiEndpoint = NrfCloudEndpoint, apiKey = apiKey ?? ApiKey });
        registered.IsSuccessStatusCode.Should().BeTrue($"registering the test account answered {registered.StatusCode}");
        var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account, deviceId, fingerprint });
        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<DeviceResponse>())!;
    }

    /// <summary>The schedule intents not resolved into a job (PENDING or UNKNOWN), of one device or all.</summary>
    public Task<IReadOnlyList<ScheduleIntent>> IntentsAsync(string? deviceId = null) =>
        Services.GetRequiredService<IJobStore>().ListIntentsAsync(deviceId, CancellationToken.None);

    public Task<StoredJob?> FindJobAsync(string jobId) => Services.GetRequiredService<IJobStore>().FindAsync(jobId, CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            if (_time is not null)
            {
                services.AddSingleton<TimeProvider>(_time);
            }

            // The service's nRF Cloud clients come from IHttpClientFactory; their primary handler becomes the fake.
            if (_realNrfCloud is null)
            {
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => NrfCloud));
            }

            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedDatabase?.Dispose();
            _mock?.Dispose();
        }
    }
}
