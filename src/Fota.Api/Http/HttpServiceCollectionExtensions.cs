using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Fota.Api.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>Problem documents for every error, JSON, CORS and the OpenAPI document.</summary>
    public static IServiceCollection AddFotaHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["@context"] = Problems.Context;
            // A problem never carries internals, whatever wrote it.
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Detail = Problems.Capped(context.ProblemDetails.Detail);
        });
        services.AddExceptionHandler<ExceptionProblems>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FotaJsonContext.Default));

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = CorsOrigins.FromConfiguration(configuration);
            options.AddDefaultPolicy(policy => policy
                .SetIsOriginAllowed(origins.IsAllowed)
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("Location", "x-backend-version")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });

        services.AddOptions<HttpOptions>()
            .BindConfiguration(HttpOptions.Section)
            .Validate(o => o.PublicUrl is null || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)),
                "Http:PublicUrl must be an absolute http(s) URL.")
            .Validate(o => o.ForwardedHeaders.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Http:ForwardedHeaders:KnownProxies must be IP addresses.")
            .Validate(o => o.ForwardedHeaders.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Http:ForwardedHeaders:KnownNetworks must be networks in CIDR notation (e.g. 10.0.0.0/8).")
            .Validate(o => o.RateLimit.PermitLimit is >= 1 and <= 1_000_000, "Http:RateLimit:PermitLimit must be between 1 and 1000000.")
            .Validate(o => o.RateLimit.Window > TimeSpan.Zero && o.RateLimit.Window <= TimeSpan.FromDays(1),
                "Http:RateLimit:Window must be positive and at most a day.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((options, http) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            var trusted = http.Value.ForwardedHeaders;
            if (trusted.KnownProxies.Length + trusted.KnownNetworks.Length == 0)
            {
                return; // ASP.NET Core's default: loopback only
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HttpOptions>>((options, http) => ClientRateLimit.Configure(options, http.Value.RateLimit));

        // The servers come from configuration, never from the request's Host header (which anyone can set).
        services.AddOpenApi(options => options.AddDocumentTransformer((document, context, _) =>
        {
            var publicUrl = context.ApplicationServices.GetRequiredService<IOptions<HttpOptions>>().Value.PublicUrl;
            document.Servers = [new OpenApiServer { Url = publicUrl ?? "/" }];
            return Task.CompletedTask;
        }));
        // No Server header: it tells attackers what to try and tells clients nothing.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }

    /// <summary>
    /// The middleware order: the client's address (from a trusted proxy's <c>X-Forwarded-For</c>), headers on everything,
    /// errors as problems, CORS (so a 429 is readable by the browser, and preflights are never limited), the rate limit.
    /// </summary>
    public static WebApplication UseFotaHttp(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<ResponseHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
