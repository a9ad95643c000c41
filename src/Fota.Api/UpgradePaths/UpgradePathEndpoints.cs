using Fota.Api.Devices;
using Fota.Api.DeviceStates;
using Fota.Api.Http;
using Fota.Api.Jobs;
using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// The second API generation (SPEC §2.10) under <c>/v2</c>, on the same device route group as the seed's contract (one
/// filter: 400 → 404 → 403): schedule per target, list, cancel, bundles. Errors go through <see cref="FotaProblems"/>.
/// </summary>
public static class UpgradePathEndpoints
{
    public const string BasePath = "/v2";

    public static IEndpointRouteBuilder MapUpgradePaths(this IEndpointRouteBuilder app)
    {
        var device = app.MapDeviceRoutes(BasePath).WithTags("FOTA upgrade paths");

        // One endpoint per target: the body's bundles are checked against the target as part of validation (before 404/403).
        foreach (var target in new[] { FotaTarget.App, FotaTarget.Modem })
        {
            var name = UpgradePath.Name(target);
            device.MapPost($"/fota/{name}", async (string deviceId, CurrentDevice current, UpgradePathScheduler scheduler, CancellationToken cancellationToken) =>
                    FotaProblems.Answer(
                        await scheduler.ScheduleAsync(current.Device, target, current.Body<ScheduleUpgradePathRequest>().Parsed, cancellationToken),
                        job => TypedResults.Created(JobsLocation(deviceId), FotaJob.From(job)),
                        FotaProblems.SchedulingFailed))
                .ReadsBody<ScheduleUpgradePathRequest>((body, errors) => ReadBody(body, errors, target))
                .WithName($"ScheduleUpgradePath{(target == FotaTarget.App ? "App" : "Modem")}")
                .WithSummary($"Schedules an upgrade path for the device's {name} firmware.")
                .Produces<FotaJob>(StatusCodes.Status201Created)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status500InternalServerError);
        }

        device.MapMethods("/fota/jobs", [HttpMethods.Get, HttpMethods.Head], async (
                    string deviceId, CurrentDevice current, IUpgradePathStore store, HttpResponse response, CancellationToken cancellationToken) =>
                {
                    response.Headers.CacheControl = "no-store";
                    var listed = await store.ListForDeviceAsync(current.Device.DeviceId, FotaEndpoints.ListLimit, cancellationToken);
                    return TypedResults.Ok(new FotaJobs(FotaJobs.ContextUrl, deviceId, listed.Select(FotaJob.From).ToList()));
                })
            .WithName("ListUpgradePathJobs")
            .WithSummary("Lists the device's 10 most recent upgrade-path jobs, newest first.");

        device.MapDelete("/fota/job/{jobId}", async (string jobId, CurrentDevice current, UpgradePathCancel cancel, CancellationToken cancellationToken) =>
                FotaProblems.Answer(
                    await cancel.CancelAsync(current.Device, jobId, cancellationToken),
                    _ => TypedResults.Accepted((string?)null),
                    "Cancelling FOTA job failed"))
            .WithName("CancelUpgradePathJob")
            .WithSummary("Cancels an upgrade-path job of the device that is not final yet.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        FotaEndpoints.MapBundles(device, "ListUpgradePathBundles");
        return app;
    }

    private static string JobsLocation(string deviceId) => $"{BasePath}/device/{Uri.EscapeDataString(deviceId)}/fota/jobs";

    /// <summary>The body's <c>upgradePath</c> for <paramref name="target"/>; the device filter keeps it for the handler.</summary>
    private static ScheduleUpgradePathRequest? ReadBody(JsonBody body, List<string> errors, FotaTarget target)
    {
        if (body.ObjectOrError(errors, "{\"upgradePath\": {\"2.0.0\": \"APP*1e29dfa3*v2.0.1\"}}") is not { } json)
        {
            return null;
        }

        JsonBody.UnknownFields(json, ["upgradePath"], errors);
        return UpgradePath.Read(json["upgradePath"], target, errors) is { } path
            ? new ScheduleUpgradePathRequest(path.Entries) { Parsed = path }
            : null;
    }
}
