using System.Text.RegularExpressions;
using Fota.Api.Devices;
using Fota.Api.Http;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fota.Api.Fota;

/// <summary>
/// The device FOTA API: schedule a job, list a device's jobs. Each handler builds one <see cref="FotaResult{T}"/> through the
/// checks in the order 400 → 404 → 403 → the work, and <see cref="FotaProblems.From"/> maps its error.
/// </summary>
public static partial class FotaEndpoints
{
    public const int ListLimit = 10;
    public const string BundleIdPattern = "^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\\*[0-9a-zA-Z]{8}\\*.*$";

    // BundleIdPattern with \z: in .NET, $ also matches before a final newline.
    private const string AnchoredBundleIdPattern = "^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\\*[0-9a-zA-Z]{8}\\*.*\\z";

    public static IEndpointRouteBuilder MapFota(this IEndpointRouteBuilder app)
    {
        var device = app.MapGroup("/device/{deviceId}").WithTags("FOTA").RequireRateLimiting(ClientRateLimit.Policy).AddEndpointFilter(JsonBody.Filter);

        device.MapPost("/fota", ScheduleAsync)
            .WithName("ScheduleFotaJob")
            .WithSummary("Schedules a firmware update of the device with an nRF Cloud bundle.")
            .Accepts<ScheduleFotaJobRequest>("application/json")
            .ProducesDeviceCheckProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        device.MapMethods("/fota/jobs", [HttpMethods.Get, HttpMethods.Head], ListAsync)
            .WithName("ListFotaJobs")
            .WithSummary("Lists the device's 10 most recent FOTA jobs, newest first.")
            .ProducesDeviceCheckProblems();

        return app;
    }

    private static async Task<Results<Accepted<FotaJobExecution>, ProblemHttpResult>> ScheduleAsync(
        string deviceId,
        [FromQuery] string? fingerprint,
        HttpContext context,
        DeviceAccess access,
        FotaScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var result = await ValidateSchedule(fingerprint, JsonBody.Of(context)).ThenAsync(request =>
            AuthorizeAsync(access, deviceId, request.Fingerprint, cancellationToken).ThenAsync(device =>
                scheduler.ScheduleAsync(device, request.BundleId, cancellationToken)));
        return result.IsSuccess
            ? TypedResults.Accepted($"/device/{Uri.EscapeDataString(deviceId)}/fota/jobs", FotaJobExecution.From(result.Value))
            : FotaProblems.From(result.Error, FotaProblems.SchedulingFailed);
    }

    private static async Task<Results<Ok<FotaJobExecutions>, ProblemHttpResult>> ListAsync(
        string deviceId,
        [FromQuery] string? fingerprint,
        HttpResponse response,
        IJobStore jobs,
        CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var result = await ValidateFingerprint(fingerprint).ThenAsync(async valid =>
        {
            // The device and its jobs in one round trip; the jobs are used only once the device check passed.
            var read = await jobs.FindDeviceWithJobsAsync(deviceId, ListLimit, cancellationToken);
            return Authorize(deviceId, DeviceAccess.Decide(read.Device, valid), read.Device).Then<FotaJobExecutions>(_ =>
                new FotaJobExecutions(FotaJobExecutions.ContextUrl, deviceId, read.Jobs.Select(FotaJobExecution.From).ToList()));
        });
        return result.IsSuccess ? TypedResults.Ok(result.Value) : FotaProblems.From(result.Error, "Listing FOTA jobs failed");
    }

    private sealed record ScheduleRequest(string Fingerprint, string BundleId);

    private static FotaResult<ScheduleRequest> ValidateSchedule(string? fingerprint, JsonBody body)
    {
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

        return errors.Count == 0 && fingerprint is not null && bundleId is not null
            ? new ScheduleRequest(fingerprint, bundleId)
            : new FotaError.Invalid(errors);
    }

    private static FotaResult<string> ValidateFingerprint(string? fingerprint)
    {
        var errors = FingerprintErrors(fingerprint);
        return errors.Count == 0 && fingerprint is not null ? fingerprint : new FotaError.Invalid(errors);
    }

    internal static List<string> FingerprintErrors(string? fingerprint) =>
        Fingerprints.IsValid(fingerprint)
            ? []
            : [$"fingerprint: {(string.IsNullOrEmpty(fingerprint) ? "is required (query parameter)" : "is invalid")}, must match {Fingerprints.Pattern} (case-insensitive)"];

    internal static async Task<FotaResult<StoredDevice>> AuthorizeAsync(
        DeviceAccess access, string deviceId, string fingerprint, CancellationToken cancellationToken)
    {
        var (outcome, device) = await access.CheckAsync(deviceId, fingerprint, cancellationToken);
        return Authorize(deviceId, outcome, device);
    }

    private static FotaResult<StoredDevice> Authorize(string deviceId, DeviceAccessOutcome outcome, StoredDevice? device) =>
        outcome switch
        {
            DeviceAccessOutcome.Granted when device is not null => device,
            DeviceAccessOutcome.UnknownDevice => new FotaError.UnknownDevice(deviceId),
            _ => new FotaError.WrongFingerprint(deviceId),
        };

    [GeneratedRegex(AnchoredBundleIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex BundleIdRegex();
}
