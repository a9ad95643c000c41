using System.Reflection;

namespace Fota.Api.Http;

/// <summary>Adds <c>x-backend-version</c> and <c>Vary: Origin</c> to every response, errors included.</summary>
public sealed class ResponseHeaders(RequestDelegate next, IConfiguration configuration)
{
    private readonly string _version = configuration["Fota:Version"] is { Length: > 0 } configured
        ? configured
        : typeof(ResponseHeaders).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (response, version) = ((HttpResponse, string))state;
            response.Headers["x-backend-version"] = version;
            // Answers depend on the Origin (CORS), so caches must keep them apart; the CORS middleware adds it only to CORS requests.
            if (!response.Headers.Vary.Any(v => v is not null && v.Contains("Origin", StringComparison.OrdinalIgnoreCase)))
            {
                response.Headers.Append("Vary", "Origin");
            }

            return Task.CompletedTask;
        }, (context.Response, _version));
        return next(context);
    }
}
