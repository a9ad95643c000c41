using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The service in-process with the suite's test configuration: a private SQLite file, a fast poller,
/// fast nRF Cloud retries and an admin token. <paramref name="configureServices"/> lets a self-check
/// bend the service (e.g. rewrite its outgoing requests).
/// </summary>
public sealed class FotaApiFactory(string databaseFile, string adminToken, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The configuration the suite runs the service with (keys as in SPEC §6).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ConnectionStrings:Fota"] = $"Data Source={databaseFile}",
        ["Admin:Token"] = adminToken,
        ["Fota:Poller:Enabled"] = "true",
        ["Fota:Poller:FirstRetryDelay"] = "00:00:00.050",
        ["Fota:Poller:MaxRetryDelay"] = "00:00:00.500",
        ["Fota:Poller:BackoffFactor"] = "2",
        ["Fota:Poller:ScanInterval"] = "00:00:00.020",
        ["Fota:Poller:ClaimDuration"] = "00:00:10",
        ["NrfCloud:MaxRetries"] = "2",
        ["NrfCloud:RetryBaseDelay"] = "00:00:00.020",
        ["NrfCloud:MaxRetryDelay"] = "00:00:00.100",
        ["NrfCloud:AttemptTimeout"] = "00:00:05",
        ["NrfCloud:TotalTimeout"] = "00:00:10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
