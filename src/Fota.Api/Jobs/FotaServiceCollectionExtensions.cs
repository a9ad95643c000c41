using System.Globalization;
using Fota.Api.Jobs.Polling;
using Fota.Api.Jobs.Scheduling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

namespace Fota.Api.Jobs;

public static class FotaServiceCollectionExtensions
{
    /// <summary>
    /// Scheduling, the status poller, the schedule reconciler and their options (<c>Fota:Poller:*</c>,
    /// <c>Fota:Reconcile:*</c>, validated at start), and a host shutdown timeout that lets a create in flight finish.
    /// </summary>
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

        services.AddOptions<ReconcileOptions>()
            .Bind(configuration.GetSection(ReconcileOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Fota:Reconcile:Interval must be positive.")
            .Validate(o => o.FirstRetry > TimeSpan.Zero, "Fota:Reconcile:FirstRetry must be positive.")
            .Validate(o => o.MaxRetry >= o.FirstRetry, "Fota:Reconcile:MaxRetry must be at least Fota:Reconcile:FirstRetry.")
            .Validate(o => o.GiveUpAfter > TimeSpan.Zero, "Fota:Reconcile:GiveUpAfter must be positive.")
            .Validate(o => o.AccountTimeout > TimeSpan.Zero, "Fota:Reconcile:AccountTimeout must be positive.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero, "Fota:Reconcile:ClockSkew must not be negative.")
            .ValidateOnStart();

        // A stop waits for every create in flight (ScheduleDrain): give it the create's bound and a margin at least. Read
        // from configuration, not IOptions<NrfCloudOptions>: a bad value is reported by that option's own validation.
        services.AddOptions<HostOptions>().Configure(host =>
        {
            var totalTimeout = TimeSpan.TryParse(
                configuration[$"{NrfCloudOptions.Section}:{nameof(NrfCloudOptions.TotalTimeout)}"], CultureInfo.InvariantCulture, out var configured)
                ? configured
                : new NrfCloudOptions().TotalTimeout;
            var needed = MinimumShutdownTimeout(totalTimeout);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });

        services.AddSingleton<IChangeEventPayload, FotaJobExecutionPayload>();
        services.AddSingleton<PollSignal>();
        services.AddTransient<FotaScheduler>();
        services.AddSingleton<ScheduleDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleDrain>());
        services.AddTransient<JobStatusPoll>();
        services.AddSingleton<StatusPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusPoller>());
        services.AddSingleton<ScheduleReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleReconciler>());
        return services;
    }

    /// <summary>The create's bound (<c>NrfCloud:TotalTimeout</c> and the store's budget) and 5 s for the rest of the stop.</summary>
    public static TimeSpan MinimumShutdownTimeout(TimeSpan totalTimeout) => FotaScheduler.CreateBound(totalTimeout) + TimeSpan.FromSeconds(5);
}
