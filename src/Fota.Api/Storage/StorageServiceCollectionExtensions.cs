using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fota.Api.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "Fota";
    public const string DefaultConnectionString = "Data Source=fota.db";

    /// <summary>SQLite from <c>ConnectionStrings:Fota</c> (default: <c>fota.db</c> in the working folder), migrated at start.</summary>
    public static IServiceCollection AddFotaStorage(this IServiceCollection services)
    {
        // Read when first used, so configuration added by a test host (WebApplicationFactory) counts.
        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            return new SqliteDatabase(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<ChangeEventStore>();
        services.TryAddSingleton<IChangeEventWakeUp, PollingChangeEventWakeUp>();
        services.AddSingleton<RegistryStore>();
        // Registered before the poller, so the schema exists before anything uses it (the server starts after hosted services).
        services.AddHostedService<MigrateAtStart>();
        return services;
    }

    private sealed class MigrateAtStart(SchemaMigrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
