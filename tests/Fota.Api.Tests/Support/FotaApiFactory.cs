using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The service under test with test configuration: a private database (a SQLite file, or a PostgreSQL database with
/// <c>FOTA_TEST_DATABASE=postgres</c>: see <see cref="TestDatabase"/>), an admin token, a fast poller, fast retries,
/// a <see cref="FakeNrfCloud"/> as nRF Cloud, captured logs, and optionally a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class FotaApiFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-5b1f";
    public const string ApiEndpoint = "https://nrfcloud.test";
    public const string AccountName = "test";

    private readonly TestDatabase? _ownedDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly FakeTimeProvider? _time;

    /// <param name="databasePath">Share a database file with another factory (a second instance, or a restart); default a new temp file.</param>
    /// <param name="nrfCloud">Share a fake nRF Cloud; default a new one.</param>
    /// <param name="time">Drive time by hand; default the system clock.</param>
    /// <param name="settings">Configuration on top of the test defaults (null removes a key).</param>
    /// <param name="database">Share a database of any kind with another factory; wins over <paramref name="databasePath"/>.</param>
    public FotaApiFactory(
        string? databasePath = null,
        FakeNrfCloud? nrfCloud = null,
        FakeTimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TestDatabase? database = null)
    {
        if (database is null && databasePath is null)
        {
            _ownedDatabase = TestDatabase.Create(TestDatabase.DefaultKind);
        }

        Database = database ?? _ownedDatabase ?? TestDatabase.Sqlite(databasePath!);
        NrfCloud = nrfCloud ?? new FakeNrfCloud();
        _time = time;
        ApiKey = $"key-{Guid.NewGuid():N}";
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Fota"] = Database.ConnectionString,
            ["Admin:Token"] = AdminToken,
            ["Fota:Poller:FirstRetryDelay"] = "00:00:00.050",
            ["Fota:Poller:MaxRetryDelay"] = "00:00:00.200",
            ["Fota:Poller:ScanInterval"] = "00:00:00.020",
            ["Fota:Poller:ClaimDuration"] = "00:00:30",
            ["NrfCloud:RetryBaseDelay"] = "00:00:00.010",
            ["NrfCloud:MaxRetryDelay"] = "00:01:00",
            ["NrfCloud:MaxRetries"] = "2",
            ["NrfCloud:AttemptTimeout"] = "00:00:10",
            ["NrfCloud:TotalTimeout"] = "00:02:00",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The database this instance runs on.</summary>
    public TestDatabase Database { get; }

    public FakeNrfCloud NrfCloud { get; }

    /// <summary>The key of the account <see cref="AccountName"/> that <see cref="RegisterDeviceAsync"/> creates.</summary>
    public string ApiKey { get; }

    public CapturedLogs Logs { get; } = new();

    public HttpClient CreateAdminClient(string token = AdminToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers (once) the account <see cref="AccountName"/> pointing at the fake nRF Cloud, then a new device in it.</summary>
    public async Task<DeviceResponse> RegisterDeviceAsync(string? deviceId = null, string? fingerprint = null)
    {
        using var admin = CreateAdminClient();
        var account = await admin.PutAsJsonAsync($"/admin/accounts/{AccountName}", new { apiEndpoint = ApiEndpoint, apiKey = ApiKey });
        account.IsSuccessStatusCode.Should().BeTrue($"registering the test account answered {account.StatusCode}");
        var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = AccountName, deviceId, fingerprint });
        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<DeviceResponse>())!;
    }

    public Task<StoredJob?> FindJobAsync(string jobId) => Services.GetRequiredService<IJobStore>().FindAsync(jobId, CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            if (_time is not null)
            {
                services.AddSingleton<TimeProvider>(_time);
            }

            // The service's nRF Cloud client comes from IHttpClientFactory; its primary handler becomes the fake.
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => NrfCloud));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedDatabase?.Dispose();
        }
    }
}
