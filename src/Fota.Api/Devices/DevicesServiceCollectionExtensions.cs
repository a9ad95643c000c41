namespace Fota.Api.Devices;

public static class DevicesServiceCollectionExtensions
{
    /// <summary>The device and account registry and the fingerprint check.</summary>
    public static IServiceCollection AddDeviceRegistry(this IServiceCollection services)
    {
        services.AddSingleton<AccountRegistry>();
        services.AddSingleton<DeviceAccess>();
        services.AddScoped<CurrentDevice>();
        return services;
    }
}
