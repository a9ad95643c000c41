using Fota.Api.Devices;
using Fota.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fota.Api.Fota.Cancel;

/// <summary>
/// <c>DELETE /device/{deviceId}/fota/jobs/{jobId}</c>: cancels a running job. Checks 400 → 404 (device) → 403 → 404 (job)
/// → 409 (final), then nRF Cloud (500 when it fails, nothing changed) → 202 with the cancelled job.
/// </summary>
public static class CancelEndpoints
{
    public const string NoSuchJobTitle = "No FOTA job found with ID!";
    public const string FinishedTitle = "The FOTA job is already finished.";

    public static IEndpointRouteBuilder MapFotaCancel(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/device/{deviceId}").WithTags("FOTA").RequireRateLimiting(ClientRateLimit.Policy)
            .MapDelete("/fota/jobs/{jobId}", CancelAsync)
            .WithName("CancelFotaJob")
            .WithSummary("Cancels a FOTA job of the device that is not final yet.")
            .ProducesDeviceCheckProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return app;
    }

    private static Task<Results<Accepted<FotaJobExecution>, ProblemHttpResult>> CancelAsync(
        string deviceId,
        string jobId,
        [FromQuery] string? fingerprint,
        DeviceAccess access,
        FotaCanceller canceller,
        CancellationToken cancellationToken) =>
        access.ForDeviceAsync<Accepted<FotaJobExecution>>(deviceId, fingerprint, async device => await canceller.CancelAsync(device, jobId, cancellationToken) switch
        {
            CancelResult.Cancelled cancelled => TypedResults.Accepted(
                $"/device/{Uri.EscapeDataString(deviceId)}/fota/jobs", FotaJobExecution.From(cancelled.Job)),
            CancelResult.NoSuchJob => Problems.NotFound(NoSuchJobTitle, $"Device {deviceId} has no FOTA job with ID {jobId}."),
            CancelResult.AlreadyFinished finished => Problems.Conflict(FinishedTitle, $"FOTA job {jobId} is {finished.Job.Status}."),
            CancelResult.Failed failed => Problems.InternalError("Cancelling FOTA job failed", failed.Error),
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        }, cancellationToken);
}
