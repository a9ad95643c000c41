using Fota.Api.Devices;
using Fota.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fota.Api.Fota.Bundles;

/// <summary><c>GET /device/{deviceId}/fota/bundles</c>: the firmware bundles of the device's nRF Cloud account. Checks 400 → 404 → 403.</summary>
public static class BundleEndpoints
{
    public static IEndpointRouteBuilder MapFotaBundles(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/device/{deviceId}").WithTags("FOTA").RequireRateLimiting(ClientRateLimit.Policy)
            .MapGet("/fota/bundles", ListAsync)
            .WithName("ListFotaBundles")
            .WithSummary("Lists the firmware bundles of the device's nRF Cloud account, newest first.")
            .ProducesDeviceCheckProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return app;
    }

    private static Task<Results<Ok<FotaBundles>, ProblemHttpResult>> ListAsync(
        string deviceId,
        [FromQuery] string? fingerprint,
        HttpResponse response,
        DeviceAccess access,
        BundleCatalog catalog,
        CancellationToken cancellationToken)
    {
        // The service caches the list; clients ask it every time.
        response.Headers.CacheControl = "no-store";
        return access.ForDeviceAsync<Ok<FotaBundles>>(deviceId, fingerprint, async device => await catalog.ListAsync(device, cancellationToken) switch
        {
            BundleListResult.Listed listed => TypedResults.Ok(new FotaBundles(FotaBundles.ContextUrl, deviceId, listed.Bundles)),
            BundleListResult.Failed failed => Problems.InternalError("Fetching FOTA bundles failed", failed.Error),
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        }, cancellationToken);
    }
}
