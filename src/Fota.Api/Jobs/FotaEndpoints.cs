using System.Text.RegularExpressions;
using Fota.Api.Devices;
using Fota.Api.Http;
using Fota.Api.Jobs.Bundles;
using Fota.Api.Jobs.Cancel;
using Fota.Api.Jobs.Scheduling;
using Fota.Api.Storage;

namespace Fota.Api.Jobs;

/// <summary>
/// The device FOTA API, one lambda per endpoint: schedule, list, bundles, cancel. Each runs behind the device route group's
/// filter (<see cref="DeviceRoutes"/>: 400 → 404 → 403), gets the checked device from <see cref="CurrentDevice"/>, and
/// answers the service's <see cref="FotaResult{T}"/> through <see cref="FotaProblems.Answer"/>.
/// </summary>
public static partial class FotaEndpoints
{
    public const int ListLimit = 10;
    public const string BundleIdPattern = "^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\\*[0-9a-zA-Z]{8}\\*.*$";

    // BundleIdPattern with \z: in .NET, $ also matches before a final newline.
    private const string AnchoredBundleIdPattern = "^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\\*[0-9a-zA-Z]{8}\\*.*\\z";

    public static IEndpointRouteBuilder MapFota(this IEndpointRouteBuilder app)
    {
        var device = app.MapDeviceRoutes();

        device.MapPost("/fota", async (string deviceId, CurrentDevice current, FotaScheduler scheduler, CancellationToken cancellationToken) =>
                FotaProblems.Answer(
                    await scheduler.ScheduleAsync(current.Device, current.Body<ScheduleFotaJobRequest>().BundleId, cancellationToken),
                    job => TypedResults.Accepted(JobsLocation(deviceId), FotaJobExecution.From(job)),
                    FotaProblems.SchedulingFailed))
            .ReadsBody(ReadScheduleBody)
            .WithName("ScheduleFotaJob")
            .WithSummary("Schedules a firmware update of the device with an nRF Cloud bundle.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        device.MapMethods("/fota/jobs", [HttpMethods.Get, HttpMethods.Head], async (
                    string deviceId, CurrentDevice current, IJobStore jobs, HttpResponse response, CancellationToken cancellationToken) =>
                {
                    response.Headers.CacheControl = "no-store";
                    var listed = await jobs.ListForDeviceAsync(current.Device.DeviceId, ListLimit, cancellationToken);
                    return TypedResults.Ok(new FotaJobExecutions(FotaJobExecutions.ContextUrl, deviceId, listed.Select(FotaJobExecution.From).ToList()));
                })
            .WithName("ListFotaJobs")
            .WithSummary("Lists the device's 10 most recent FOTA jobs, newest first.");

        MapBundles(device, "ListFotaBundles");

        device.MapDelete("/fota/jobs/{jobId}", async (
                    string deviceId, string jobId, CurrentDevice current, FotaCanceller canceller, CancellationToken cancellationToken) =>
                FotaProblems.Answer(
                    await canceller.CancelAsync(current.Device, jobId, cancellationToken),
                    job => TypedResults.Accepted(JobsLocation(deviceId), FotaJobExecution.From(job)),
                    "Cancelling FOTA job failed"))
            .WithName("CancelFotaJob")
            .WithSummary("Cancels a FOTA job of the device that is not final yet.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        return app;
    }

    /// <summary>The bundles endpoint (SPEC §2.7) on a device route group: the seed's, and /v2's answering the same.</summary>
    public static RouteHandlerBuilder MapBundles(RouteGroupBuilder device, string endpointName) =>
        device.MapGet("/fota/bundles", async (
                    string deviceId, CurrentDevice current, BundleCatalog catalog, HttpResponse response, CancellationToken cancellationToken) =>
                {
                    // The service caches the list; clients ask it every time.
                    response.Headers.CacheControl = "no-store";
                    return FotaProblems.Answer(
                        await catalog.ListAsync(current.Device, cancellationToken),
                        bundles => TypedResults.Ok(new FotaBundles(FotaBundles.ContextUrl, deviceId, bundles)),
                        "Fetching FOTA bundles failed");
                })
            .WithName(endpointName)
            .WithSummary("Lists the firmware bundles of the device's nRF Cloud account, newest first.")
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    private static string JobsLocation(string deviceId) => $"/device/{Uri.EscapeDataString(deviceId)}/fota/jobs";

    private static ScheduleFotaJobRequest? ReadScheduleBody(JsonBody body, List<string> errors)
    {
        if (body.ObjectOrError(errors, "{\"bundleId\": \"APP*1e29dfa3*v2.0.0\"}") is not { } json)
        {
            return null;
        }

        var bundleId = JsonBody.GetString(json, "bundleId");
        if (bundleId is null || !BundleIdRegex().IsMatch(bundleId))
        {
            errors.Add($"bundleId: {(bundleId is null ? "is required (a string)" : "is invalid")}, must match {BundleIdPattern}");
            return null;
        }

        return new ScheduleFotaJobRequest(bundleId);
    }

    /// <summary>Whether <paramref name="value"/> is a bundle id (<see cref="BundleIdPattern"/>, anchored at the very end).</summary>
    public static bool IsBundleId(string value) => BundleIdRegex().IsMatch(value);

    [GeneratedRegex(AnchoredBundleIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex BundleIdRegex();
}
