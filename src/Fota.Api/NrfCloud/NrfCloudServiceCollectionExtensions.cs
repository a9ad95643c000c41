using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Fota.Api.NrfCloud;

public static class NrfCloudServiceCollectionExtensions
{
    /// <summary>The nRF Cloud client through IHttpClientFactory: total timeout → bounded retries (Retry-After honoured) → attempt timeout.</summary>
    public static IServiceCollection AddNrfCloud(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NrfCloudOptions>()
            .Bind(configuration.GetSection(NrfCloudOptions.Section))
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "NrfCloud:AttemptTimeout must be positive.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, "NrfCloud:TotalTimeout must be at least NrfCloud:AttemptTimeout.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "NrfCloud:MaxRetries must be between 0 and 10.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero, "NrfCloud:RetryBaseDelay must be positive.")
            .Validate(o => o.MaxRetryDelay >= o.RetryBaseDelay, "NrfCloud:MaxRetryDelay must be at least NrfCloud:RetryBaseDelay.")
            .Validate(
                o => o.Accounts.Values.All(a => a.ApiEndpoint is null || a.ApiEndpoint.IsAbsoluteUri),
                "NrfCloud:Accounts:{name}:ApiEndpoint must be an absolute URL.")
            .ValidateOnStart();

        services.AddHttpClient<NrfCloudClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler("nrfcloud", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NrfCloudOptions>>().Value;
                pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = options.RetryBaseDelay,
                        MaxDelay = options.MaxRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
