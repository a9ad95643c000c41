using Microsoft.Extensions.Caching.Memory;

namespace Fota.Api.Jobs.Bundles;

public static class BundlesServiceCollectionExtensions
{
    /// <summary>The bundle catalog, its options (<c>Fota:Bundles:*</c>, validated at start) and HybridCache on the service's clock.</summary>
    public static IServiceCollection AddFotaBundles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BundleOptions>()
            .Bind(configuration.GetSection(BundleOptions.Section))
            .Validate(o => o.CacheDuration >= TimeSpan.Zero, "Fota:Bundles:CacheDuration must not be negative.")
            .ValidateOnStart();

        services.AddHybridCache();
        services.AddOptions<MemoryCacheOptions>()
            .Configure<TimeProvider>((cache, timeProvider) => cache.Clock = new TimeProviderClock(timeProvider));
        services.AddTransient<BundleCatalog>();
        return services;
    }
}
