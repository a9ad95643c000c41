using System.Reflection;

namespace Fota.Api.Http;

/// <summary>Adds <c>x-backend-version</c>, <c>X-Content-Type-Options: nosniff</c> and <c>Vary: Origin</c> to every response, errors included.</summary>
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
            // Browsers must take every answer as the type it says it is (JSON), never sniff it into something runnable.
            response.Headers.XContentTypeOptions = "nosniff";
            // Answers depend on the Origin (CORS), so caches must keep them apart; the CORS middleware adds it only to CORS requests.
            if (!response.Headers.Vary.Any(v => v is not null && v.Contains("Origin", StringComparison.OrdinalIgnoreCase)))
            {
                response.Headers.Append("Vary", "Origin");
            }

            return Task.CompletedTask;
        }, (context.Response, _version));
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // HEAD answers like GET without a body, whichever server hosts us (Kestrel drops it, test hosts do not).
            context.Response.Body = Stream.Null;
        }

        return next(context);
    }
}
