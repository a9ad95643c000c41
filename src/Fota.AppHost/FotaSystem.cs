using Microsoft.Extensions.Configuration;

namespace Fota.AppHost;

/// <summary>
/// The local system: the mock nRF Cloud in simulator mode and the service, on SQLite (one instance) or — when the AppHost is
/// given <c>ConnectionStrings:Fota</c> — two instances on that PostgreSQL database. No container resource: these machines
/// have no container runtime, so PostgreSQL is a connection-string resource. The service's telemetry goes to the dashboard
/// through the <c>OTEL_*</c> variables Aspire sets for every project.
/// </summary>
public static class FotaSystem
{
    /// <summary>The service's admin token here: the documented Development default.</summary>
    public const string AdminToken = "dev-admin-token";

    /// <summary>The account the service is configured with, pointing at the simulator (which takes any key).</summary>
    public const string Account = "nordic";

    public const string SimulatorKey = "apphost-simulator-key";

    public static void Add(IDistributedApplicationBuilder builder)
    {
        var simulator = builder.AddProject<Projects.MockNrfCloud>("nrfcloud-simulator", launchProfileName: null)
            .WithHttpEndpoint() // Aspire passes it as ASPNETCORE_URLS, which the mock reads like an ASP.NET Core app
            .WithEnvironment("Mock__Mode", "Simulator")
            .WithHttpHealthCheck("/mock/health");

        var postgres = builder.Configuration.GetConnectionString("Fota");
        var database = string.IsNullOrWhiteSpace(postgres) ? null : builder.AddConnectionString("Fota");
        var instances = database is null ? 1 : 2;
        for (var instance = 1; instance <= instances; instance++)
        {
            var api = builder.AddProject<Projects.Fota_Api>(instances == 1 ? "api" : $"api-{instance}", launchProfileName: null)
                .WithHttpEndpoint()
                .WithHttpHealthCheck("/health/ready")
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
                .WithEnvironment("Admin__Token", AdminToken)
                .WithEnvironment($"NrfCloud__Accounts__{Account}__ApiEndpoint", simulator.GetEndpoint("http"))
                .WithEnvironment($"NrfCloud__Accounts__{Account}__ApiKey", SimulatorKey)
                // Short waits, so a schedule visibly progresses within seconds in the dashboard.
                .WithEnvironment("Fota__Poller__FirstRetryDelay", "00:00:01")
                .WithEnvironment("Fota__Poller__MaxRetryDelay", "00:00:05")
                .WaitFor(simulator);
            if (database is null)
            {
                api.WithEnvironment("ConnectionStrings__Fota", $"Data Source={SqlitePath()}");
            }
            else
            {
                api.WithReference(database).WaitFor(database);
            }
        }
    }

    /// <summary>One SQLite file per AppHost run, in the temp folder.</summary>
    private static string SqlitePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fota-apphost");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"fota-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}.db");
    }
}
