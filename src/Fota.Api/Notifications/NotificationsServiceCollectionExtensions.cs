namespace Fota.Api.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The WebSocket connections, the change-event follower and their options (<c>Fota:Notifications:*</c>, validated at start).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Fota:Notifications:PollInterval must be positive.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Fota:Notifications:Retention must be positive.")
            .Validate(o => o.KeepAlive > TimeSpan.Zero, "Fota:Notifications:KeepAlive must be positive.")
            .Validate(o => o.KeepAliveTimeout > TimeSpan.Zero, "Fota:Notifications:KeepAliveTimeout must be positive.")
            .Validate(o => o.MaxPending is >= 1 and <= 100_000, "Fota:Notifications:MaxPending must be between 1 and 100000.")
            .Validate(o => o.MaxConnectionsPerDevice is >= 1 and <= 10_000, "Fota:Notifications:MaxConnectionsPerDevice must be between 1 and 10000.")
            .Validate(o => o.CloseTimeout > TimeSpan.Zero, "Fota:Notifications:CloseTimeout must be positive.")
            .ValidateOnStart();

        services.AddSingleton<DeviceConnections>();
        services.AddSingleton<ConnectionSlots>();
        services.AddSingleton<ChangeEventFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeEventFollower>());
        return services;
    }
}
