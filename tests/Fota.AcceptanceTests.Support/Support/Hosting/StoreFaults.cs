using System.Collections.Concurrent;
using System.Reflection;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Database calls of one in-process service instance that fail once, as in a short database outage (<see cref="DyingStores"/>
/// throws for them): the instance lives on, so a scenario sees whether the service recovers by itself.
/// </summary>
public sealed class StoreFaults
{
    private readonly ConcurrentDictionary<(Type Store, string Operation), int> _pending = new();

    /// <summary>The next call of <paramref name="operation"/> on <paramref name="store"/> (an interface of the service) fails.</summary>
    public void FailNext(Type store, string operation) => _pending.AddOrUpdate((store, operation), 1, (_, count) => count + 1);

    internal void ThrowIfFailing(MethodInfo method)
    {
        var key = (method.DeclaringType!, method.Name);
        while (_pending.TryGetValue(key, out var count) && count > 0)
        {
            if (_pending.TryUpdate(key, count - 1, count))
            {
                throw new InvalidOperationException($"The database is unavailable: {method.DeclaringType!.Name}.{method.Name} failed.");
            }
        }
    }
}
