using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

public static class UpgradePathServiceCollectionExtensions
{
    /// <summary>The /v2 generation: scheduling, cancel, the durable flow and its options (<c>Fota:UpgradePath:*</c>, validated at start).</summary>
    public static IServiceCollection AddUpgradePaths(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpgradePathOptions>()
            .Bind(configuration.GetSection(UpgradePathOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Fota:UpgradePath:Interval must be positive.")
            .Validate(o => o.ReportTimeout > TimeSpan.Zero, "Fota:UpgradePath:ReportTimeout must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Fota:UpgradePath:BatchSize must be between 1 and 10000.")
            .Validate(o => o.MaxConcurrency is >= 1 and <= 256, "Fota:UpgradePath:MaxConcurrency must be between 1 and 256.")
            .Validate(o => o.MaxCancelRetry > TimeSpan.Zero, "Fota:UpgradePath:MaxCancelRetry must be positive.")
            .Validate(o => o.MaxCancelAttempts >= 1, "Fota:UpgradePath:MaxCancelAttempts must be at least 1.")
            .Validate(o => o.ClaimMargin > TimeSpan.Zero, "Fota:UpgradePath:ClaimMargin must be positive.")
            .ValidateOnStart();

        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, UpgradePathJsonContext.Default));
        services.AddSingleton<IUpgradePathPayload, FotaJobPayload>();
        services.AddSingleton<UpgradePathSignal>();
        services.AddTransient<UpgradePathScheduler>();
        services.AddTransient<UpgradePathCancel>();
        services.AddTransient<UpgradePathStepRunner>();
        services.AddSingleton<UpgradePathFlow>();
        services.AddHostedService(sp => sp.GetRequiredService<UpgradePathFlow>());
        return services;
    }
}
