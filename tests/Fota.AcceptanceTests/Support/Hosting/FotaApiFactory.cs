using Fota.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The service in-process with the suite's test configuration: a private SQLite file, an admin token and
/// <see cref="FastTestSettings"/> (a fast poller, fast nRF Cloud retries), a short not-found rule and one nRF Cloud account in
/// configuration (<see cref="ConfiguredAccountName"/>, pointed at <paramref name="mockEndpoint"/>).
/// <paramref name="configureServices"/> lets a self-check bend the service (e.g. rewrite its outgoing requests).
/// </summary>
public sealed class FotaApiFactory(string databaseFile, string adminToken, Uri mockEndpoint, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The account in the service's configuration (as scripts/run-deployed.sh configures it too).</summary>
    public const string ConfiguredAccountName = "suite-configured";

    /// <summary>The configuration the suite runs the service with (keys as in SPEC §6).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(FastTestSettings.Service, StringComparer.Ordinal)
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
