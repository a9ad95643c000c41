using Fota.Testing;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>One start of the service on an <see cref="OwnInstancesHost"/>'s database; mortal (<see cref="InstanceDeath"/>), its database calls may fail (<see cref="StoreFaults"/>).</summary>
internal sealed class ServiceInstance : IAsyncDisposable
{
    private ServiceInstance(FotaTestHost<Program> factory, InstanceDeath death, StoreFaults faults)
    {
        Factory = factory;
        Death = death;
        Faults = faults;
        Handler = factory.Server.CreateHandler();
    }

    public FotaTestHost<Program> Factory { get; }

    public InstanceDeath Death { get; }

    public StoreFaults Faults { get; }

    /// <summary>Reaches this instance's test server.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>Starts the service: once this returns, its background loops (the flow among them) run.</summary>
    public static async Task<ServiceInstance> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var death = new InstanceDeath();
        var faults = new StoreFaults();
        var factory = new FotaTestHost<Program>(settings, builder => builder.ConfigureServices(services => DyingStores.Decorate(services, death, faults)));
        try
        {
            await factory.StartAsync().ConfigureAwait(false);
            return new ServiceInstance(factory, death, faults);
        }
        catch
        {
            await factory.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the service gracefully (its running passes end, its claims are given back) — or, dead, meets only dead stores.</summary>
    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        await Factory.DisposeAsync().ConfigureAwait(false);
    }
}
