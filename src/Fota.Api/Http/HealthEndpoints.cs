using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Http;

public sealed record HealthResponse(string Status);

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers too).</summary>
public static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("Healthy"))).WithName("Live");
        health.MapGet("/ready", ReadyAsync).WithName("Ready").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> ReadyAsync(
        IRegistryStore store, ILogger<HealthResponse> logger, CancellationToken cancellationToken)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return TypedResults.Ok(new HealthResponse("Healthy"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotReady(logger, exception);
            return TypedResults.Problem(
                title: "Not ready", detail: "The database does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check failed: the database does not answer")]
    private static partial void LogNotReady(ILogger logger, Exception exception);
}
