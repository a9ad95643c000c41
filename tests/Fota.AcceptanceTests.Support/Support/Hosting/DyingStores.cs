using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// A proxy in front of each store of one service instance (<c>Fota.Api…I…Store</c>, found as the service's own tracing finds
/// them): it passes every call on while the instance lives, tells its <see cref="InstanceDeath"/> of every call that
/// returned, and throws once the instance has died, or once for a call its <see cref="StoreFaults"/> fail. A proxy, so a store
/// method added later dies too.
/// </summary>
public class DyingStores : DispatchProxy
{
    private static readonly MethodInfo AfterResultAsync = typeof(DyingStores).GetMethod(
        nameof(AfterAsync),
        genericParameterCount: 1,
        BindingFlags.NonPublic | BindingFlags.Instance,
        [typeof(Task<>).MakeGenericType(Type.MakeGenericMethodParameter(0)), typeof(string)])!;

    private object _inner = null!;
    private InstanceDeath _death = null!;
    private StoreFaults _faults = null!;

    /// <summary>Decorates the stores registered so far (call it after the service's registrations: a host's ConfigureServices).</summary>
    public static void Decorate(IServiceCollection services, InstanceDeath death, StoreFaults faults)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stores = services
            .Select((descriptor, index) => (descriptor, index))
            .Where(d => d.descriptor is { IsKeyedService: false, ServiceType: { IsInterface: true, Namespace: { } ns, Name: { } name } }
                && ns.StartsWith("Fota.Api", StringComparison.Ordinal) && name.EndsWith("Store", StringComparison.Ordinal))
            .ToList();
        if (stores.Count == 0)
        {
            throw new InvalidOperationException("No store of the service is registered yet: decorate after the service's registrations.");
        }

        foreach (var (store, index) in stores)
        {
            services[index] = ServiceDescriptor.Describe(store.ServiceType, sp => Wrap(store.ServiceType, Create(sp, store), death, faults), store.Lifetime);
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        _death.ThrowIfDead(method.Name);
        _faults.ThrowIfFailing(method);
        var result = Call(method, args);
        return result switch
        {
            Task task when method.ReturnType.IsGenericType =>
                AfterResultAsync.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(this, [task, method.Name]),
            Task task => AfterAsync(task, method.Name),
            _ => result,
        };
    }

    private static object Wrap(Type storeInterface, object inner, InstanceDeath death, StoreFaults faults)
    {
        var proxy = Create(storeInterface, typeof(DyingStores));
        var dying = (DyingStores)proxy;
        dying._inner = inner;
        dying._death = death;
        dying._faults = faults;
        return proxy;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor store) =>
        store.ImplementationInstance
        ?? store.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, store.ImplementationType!);

    private async Task AfterAsync(Task call, string operation)
    {
        await call.ConfigureAwait(false);
        _death.Returned(operation, null);
    }

    private async Task<T> AfterAsync<T>(Task<T> call, string operation)
    {
        var result = await call.ConfigureAwait(false);
        _death.Returned(operation, result);
        return result;
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
