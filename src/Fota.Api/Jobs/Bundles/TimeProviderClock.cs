using Microsoft.Extensions.Internal;

namespace Fota.Api.Jobs.Bundles;

/// <summary>Makes the memory cache under HybridCache expire entries on the service's <see cref="TimeProvider"/> (a fake one in tests).</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
