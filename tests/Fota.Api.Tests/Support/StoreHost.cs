using Fota.Api.Jobs;
using Fota.Api.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fota.Api.Tests.Support;

/// <summary>The service's storage alone (no web host): <c>AddFotaStorage</c> on a <see cref="TestDatabase"/>, as one instance sees it.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IJobStore Jobs => _services.GetRequiredService<IJobStore>();

    public IRegistryStore Registry => _services.GetRequiredService<IRegistryStore>();

    public ISchemaMigrator Migrator => _services.GetRequiredService<ISchemaMigrator>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>An instance on <paramref name="database"/>; migrated unless <paramref name="migrate"/> is false.</summary>
    public static async Task<StoreHost> StartAsync(TestDatabase database, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Fota"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        var logs = new CapturedLogs();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddFotaStorage();
        services.AddSingleton<IChangeEventPayload, FotaJobExecutionPayload>();
        services.AddSingleton<IUpgradePathPayload, Fota.Api.UpgradePaths.FotaJobPayload>();
        var host = new StoreHost(services.BuildServiceProvider(), logs);
        if (migrate)
        {
            await host.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return host;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
