using Fota.Api.Storage.Postgres;
using Fota.Api.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fota.Api.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "Fota";
    public const string DefaultConnectionString = "Data Source=fota.db";

    /// <summary>
    /// The database named by <c>ConnectionStrings:Fota</c> (default: SQLite <c>fota.db</c> in the working folder; <c>Host=…</c>:
    /// PostgreSQL), behind <see cref="IJobStore"/>, <see cref="IRegistryStore"/>, <see cref="ISchemaMigrator"/> and
    /// <see cref="IChangeEventStore"/> with its <see cref="IChangeEventWakeUp"/>, migrated at start. One store per table,
    /// speaking through the database's <see cref="SqlDialect"/>. The owner of the change events' message registers its
    /// <see cref="IChangeEventPayload"/>.
    /// </summary>
    public static IServiceCollection AddFotaStorage(this IServiceCollection services)
    {
        // Read when first used, so configuration added by a test host (WebApplicationFactory) counts.
        services.AddSingleton(sp => FotaDatabase.Parse(sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)));

        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<FotaDatabase>().ConnectionString));
        services.AddSingleton<PollingChangeEventWakeUp>();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<FotaDatabase>().ConnectionString));
        services.AddSingleton<PostgresChangeListener>();

        services.AddSingleton<SqlDialect>(sp => sp.GetRequiredService<FotaDatabase>().Kind == DatabaseKind.Postgres
            ? new PostgresDialect(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteDialect(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IChangeEventWakeUp>(sp => sp.GetRequiredService<FotaDatabase>().Kind == DatabaseKind.Postgres
            ? sp.GetRequiredService<PostgresChangeListener>()
            : sp.GetRequiredService<PollingChangeEventWakeUp>());
        services.AddSingleton<ISchemaMigrator, SchemaMigrator>();
        services.AddSingleton<IJobStore, JobStore>();
        services.AddSingleton<IRegistryStore, RegistryStore>();
        services.AddSingleton<IChangeEventStore, ChangeEventStore>();
        services.AddSingleton<IDeviceStateStore, DeviceStateStore>();
        services.AddSingleton<IUpgradePathStore, UpgradePathStore>();

        // Registered before the poller, so the schema exists before anything uses it (the server starts after hosted services).
        services.AddHostedService<MigrateAtStart>();
        return services;
    }

    private sealed class MigrateAtStart(ISchemaMigrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
