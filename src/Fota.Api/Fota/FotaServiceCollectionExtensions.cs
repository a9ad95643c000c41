namespace Fota.Api.Fota;

public static class FotaServiceCollectionExtensions
{
    /// <summary>Scheduling, the status poller and its options (<c>Fota:Poller:*</c>, validated at start).</summary>
    public static IServiceCollection AddFota(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PollerOptions>()
            .Bind(configuration.GetSection(PollerOptions.Section))
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Fota:Poller:FirstRetryDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Fota:Poller:MaxRetryDelay must be at least Fota:Poller:FirstRetryDelay.")
            .Validate(o => o.BackoffFactor >= 1, "Fota:Poller:BackoffFactor must be at least 1.")
            .Validate(o => o.ScanInterval > TimeSpan.Zero, "Fota:Poller:ScanInterval must be positive.")
            .Validate(o => o.MaxConcurrency is >= 1 and <= 256, "Fota:Poller:MaxConcurrency must be between 1 and 256.")
            .Validate(
                o => o.MaxConcurrencyPerAccount is null || (o.MaxConcurrencyPerAccount >= 1 && o.MaxConcurrencyPerAccount <= o.MaxConcurrency),
                "Fota:Poller:MaxConcurrencyPerAccount must be between 1 and Fota:Poller:MaxConcurrency.")
            .Validate(o => o.ClaimDuration > TimeSpan.Zero, "Fota:Poller:ClaimDuration must be positive.")
            .Validate(o => o.NotFoundFailAfter > TimeSpan.Zero, "Fota:Poller:NotFoundFailAfter must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Fota:Poller:BatchSize must be between 1 and 10000.")
            .ValidateOnStart();

        services.AddSingleton<PollSignal>();
        services.AddTransient<FotaScheduler>();
        services.AddSingleton<ScheduleDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleDrain>());
        services.AddTransient<JobStatusPoll>();
        services.AddSingleton<StatusPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusPoller>());
        return services;
    }
}
