using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Fota.Api.NrfCloud;

public static class NrfCloudServiceCollectionExtensions
{
    /// <summary>
    /// The nRF Cloud client and its two named HttpClients (<see cref="NrfCloudCalls"/>), each: total timeout → retries → attempt
    /// timeout. Redirects are never followed: a 3xx is an answer like any other.
    /// </summary>
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

        AddCallClient(services, NrfCloudCalls.Idempotent, NrfCloudRetries.IsRetryableIdempotent);
        AddCallClient(services, NrfCloudCalls.SendOnce, NrfCloudRetries.IsRetryableSendOnce);
        services.AddSingleton<NrfCloudClient>();
        return services;
    }

    private static void AddCallClient(
        IServiceCollection services, string name, Func<Outcome<HttpResponseMessage>, HttpRequestMessage?, TimeProvider, bool> shouldRetry)
    {
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                switch (handler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler client:
                        client.AllowAutoRedirect = false;
                        break;
                }
            })
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler(name, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NrfCloudOptions>>().Value;
                var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.TimeProvider = timeProvider;
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
                        ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome, args.Context.GetRequestMessage(), timeProvider)),
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
    }
}

/// <summary>Which outcomes each kind of call retries.</summary>
internal static class NrfCloudRetries
{
    private static readonly HttpRequestOptionsKey<(long Started, TimeSpan Budget)> CallBudget = new("Fota.NrfCloud.CallBudget");

    /// <summary>Marks when the call started and how long it may take, so a <c>Retry-After</c> beyond that ends it at once.</summary>
    public static void StampBudget(HttpRequestMessage request, TimeProvider timeProvider, TimeSpan budget) =>
        request.Options.Set(CallBudget, (timeProvider.GetTimestamp(), budget));

    public static bool IsRetryableIdempotent(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeProvider timeProvider) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && !RetryAfterExceedsBudget(outcome.Result, request, timeProvider);

    /// <summary>Only a connection that was never made: then nRF Cloud certainly did not see the request.</summary>
    public static bool IsRetryableSendOnce(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeProvider timeProvider) =>
        IsNotSent(outcome.Exception);

    public static bool IsNotSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static bool RetryAfterExceedsBudget(HttpResponseMessage? response, HttpRequestMessage? request, TimeProvider timeProvider)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter || request is null || !request.Options.TryGetValue(CallBudget, out var budget))
        {
            return false;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
        var remaining = budget.Budget - timeProvider.GetElapsedTime(budget.Started);
        return wait > remaining;
    }
}
