using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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

        services.AddOpenApi();
        // No Server header: it tells attackers what to try and tells clients nothing.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }

    /// <summary>The middleware order: headers on everything, then errors as problems, then CORS.</summary>
    public static WebApplication UseFotaHttp(this WebApplication app)
    {
        app.UseMiddleware<ResponseHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        return app;
    }
}
