using System.Text.RegularExpressions;
using Fota.Api.Devices;
using Fota.Api.Http;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fota.Api.Fota;

/// <summary>The device FOTA API: schedule a job, list a device's jobs. Checks run in the order 400 → 404 → 403.</summary>
public static partial class FotaEndpoints
{
    public const int ListLimit = 10;
    public const string BundleIdPattern = "^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\\*[0-9a-zA-Z]{8}\\*.*$";

    public static IEndpointRouteBuilder MapFota(this IEndpointRouteBuilder app)
    {
        var device = app.MapGroup("/device/{deviceId}").WithTags("FOTA");

        device.MapPost("/fota", ScheduleAsync)
            .WithName("ScheduleFotaJob")
            .WithSummary("Schedules a firmware update of the device with an nRF Cloud bundle.")
            .Accepts<ScheduleFotaJobRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        device.MapGet("/fota/jobs", ListAsync)
            .WithName("ListFotaJobs")
            .WithSummary("Lists the device's 10 most recent FOTA jobs, newest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Accepted<FotaJobExecution>, ProblemHttpResult>> ScheduleAsync(
        string deviceId,
        [FromQuery] string? fingerprint,
        HttpRequest request,
        DeviceAccess access,
        FotaScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, cancellationToken);
        if (body.Rejection is not null)
        {
            return body.Rejection;
        }

        var errors = FingerprintErrors(fingerprint);
        string? bundleId = null;
        if (body.ObjectOrError(errors, "{\"bundleId\": \"APP*1e29dfa3*v2.0.0\"}") is { } json)
        {
            bundleId = JsonBody.GetString(json, "bundleId");
            if (bundleId is null || !BundleIdRegex().IsMatch(bundleId))
            {
                errors.Add($"bundleId: {(bundleId is null ? "is required (a string)" : "is invalid")}, must match {BundleIdPattern}");
            }
        }

        if (errors.Count > 0)
        {
            return Problems.ValidationFailed(errors);
        }

        var (device, denied) = await CheckAccessAsync(access, deviceId, fingerprint!, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var (job, error) = await scheduler.ScheduleAsync(device!, bundleId!, cancellationToken);
        if (job is null)
        {
            return Problems.InternalError("Scheduling FOTA update failed", error!);
        }

        return TypedResults.Accepted($"/device/{Uri.EscapeDataString(deviceId)}/fota/jobs", FotaJobExecution.From(job));
    }

    private static async Task<Results<Ok<FotaJobExecutions>, ProblemHttpResult>> ListAsync(
        string deviceId,
        [FromQuery] string? fingerprint,
        HttpResponse response,
        DeviceAccess access,
        IJobStore jobs,
        CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var errors = FingerprintErrors(fingerprint);
        if (errors.Count > 0)
        {
            return Problems.ValidationFailed(errors);
        }

        var (_, denied) = await CheckAccessAsync(access, deviceId, fingerprint!, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var stored = await jobs.ListForDeviceAsync(deviceId, ListLimit, cancellationToken);
        return TypedResults.Ok(new FotaJobExecutions(
            FotaJobExecutions.ContextUrl, deviceId, stored.Select(FotaJobExecution.From).ToList()));
    }

    internal static List<string> FingerprintErrors(string? fingerprint) =>
        Fingerprints.IsValid(fingerprint)
            ? []
            : [$"fingerprint: {(string.IsNullOrEmpty(fingerprint) ? "is required (query parameter)" : "is invalid")}, must match {Fingerprints.Pattern} (case-insensitive)"];

    internal static async Task<(StoredDevice? Device, ProblemHttpResult? Denied)> CheckAccessAsync(
        DeviceAccess access, string deviceId, string fingerprint, CancellationToken cancellationToken)
    {
        var (outcome, device) = await access.CheckAsync(deviceId, fingerprint, cancellationToken);
        return outcome switch
        {
            DeviceAccessOutcome.Granted => (device, null),
            DeviceAccessOutcome.UnknownDevice => (null, Problems.NotFound("No device found with ID!", deviceId)),
            _ => (null, Problems.Forbidden("Fingerprint does not match!", $"The fingerprint does not belong to device {deviceId}.")),
        };
    }

    [GeneratedRegex(BundleIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex BundleIdRegex();
}
