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
    /// <see cref="IChangeEventStore"/> with its <see cref="IChangeEventWakeUp"/>, migrated at start.
    /// </summary>
    public static IServiceCollection AddFotaStorage(this IServiceCollection services)
    {
        // Read when first used, so configuration added by a test host (WebApplicationFactory) counts.
        services.AddSingleton(sp => FotaDatabase.Parse(sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)));

        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<FotaDatabase>().ConnectionString));
        services.AddSingleton<SqliteSchemaMigrator>();
        services.AddSingleton<SqliteJobStore>();
        services.AddSingleton<SqliteRegistryStore>();
        services.AddSingleton<SqliteChangeEventStore>();
        services.AddSingleton<PollingChangeEventWakeUp>();

        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<FotaDatabase>().ConnectionString));
        services.AddSingleton<PostgresSchemaMigrator>();
        services.AddSingleton<PostgresJobStore>();
        services.AddSingleton<PostgresRegistryStore>();
        services.AddSingleton<PostgresChangeEventStore>();
        services.AddSingleton<PostgresChangeListener>();

        services.AddSingleton<ISchemaMigrator>(sp => Pick<ISchemaMigrator, SqliteSchemaMigrator, PostgresSchemaMigrator>(sp));
        services.AddSingleton<IJobStore>(sp => Pick<IJobStore, SqliteJobStore, PostgresJobStore>(sp));
        services.AddSingleton<IRegistryStore>(sp => Pick<IRegistryStore, SqliteRegistryStore, PostgresRegistryStore>(sp));
        services.AddSingleton<IChangeEventStore>(sp => Pick<IChangeEventStore, SqliteChangeEventStore, PostgresChangeEventStore>(sp));
        services.TryAddSingleton<IChangeEventWakeUp>(sp => Pick<IChangeEventWakeUp, PollingChangeEventWakeUp, PostgresChangeListener>(sp));

        // Registered before the poller, so the schema exists before anything uses it (the server starts after hosted services).
        services.AddHostedService<MigrateAtStart>();
        return services;
    }

    private static TService Pick<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TService : class
        where TSqlite : class, TService
        where TPostgres : class, TService =>
        services.GetRequiredService<FotaDatabase>().Kind == DatabaseKind.Postgres
            ? services.GetRequiredService<TPostgres>()
            : services.GetRequiredService<TSqlite>();

    private sealed class MigrateAtStart(ISchemaMigrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
