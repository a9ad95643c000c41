namespace Fota.Api.DeviceStates;

public static class DeviceStatesServiceCollectionExtensions
{
    /// <summary>Device state (<see cref="IDeviceStates"/>), the WebSocket watches, the background reads and their options (<c>Fota:DeviceState:*</c>).</summary>
    public static IServiceCollection AddDeviceStates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeviceStateOptions>()
            .Bind(configuration.GetSection(DeviceStateOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Fota:DeviceState:Interval must be positive.")
            .Validate(o => o.MaxConcurrency is >= 1 and <= 256, "Fota:DeviceState:MaxConcurrency must be between 1 and 256.")
            .Validate(o => o.ClaimDuration > TimeSpan.Zero, "Fota:DeviceState:ClaimDuration must be positive.")
            .Validate(o => o.ClaimSize is >= 1 and <= 100_000, "Fota:DeviceState:ClaimSize must be between 1 and 100000.")
            .Validate(o => o.WebSocketWatchLease > TimeSpan.Zero, "Fota:DeviceState:WebSocketWatchLease must be positive.")
            .ValidateOnStart();

        services.AddSingleton<DeviceStateSignal>();
        services.AddSingleton<IDeviceStates, DeviceStateService>();
        services.AddSingleton<ConnectedDeviceWatches>();
        services.AddSingleton<DeviceStateReader>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceStateReader>());
        return services;
    }
}
