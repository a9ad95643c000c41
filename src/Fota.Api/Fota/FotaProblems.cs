using Fota.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Fota;

/// <summary>The one place where a <see cref="FotaError"/> becomes a problem document.</summary>
public static class FotaProblems
{
    public const string SchedulingFailed = "Scheduling FOTA update failed";

    /// <summary>The problem for <paramref name="error"/>; <paramref name="failureTitle"/> is the title of a 500 (what failed).</summary>
    public static ProblemHttpResult From(FotaError error, string failureTitle) => error switch
    {
        FotaError.Invalid invalid => Problems.ValidationFailed(invalid.Errors),
        FotaError.UnknownDevice unknown => Problems.NotFound("No device found with ID!", unknown.DeviceId),
        FotaError.WrongFingerprint wrong => Problems.Forbidden(
            "Fingerprint does not match!", $"The fingerprint does not belong to device {wrong.DeviceId}."),
        FotaError.AlreadyScheduling busy => Problems.Conflict(
            "FOTA job is already being scheduled",
            $"A request to schedule bundle {busy.BundleId} for device {busy.DeviceId} (intent {busy.IntentId}) is still being "
            + "created at nRF Cloud, or its outcome is being reconciled. Wait for its answer, then list the device's jobs."),
        FotaError.JobRunning running => Problems.Conflict(
            "FOTA job is already running",
            $"FOTA job {running.JobId} with bundle {running.BundleId} for device {running.DeviceId} has not ended yet. "
            + "Wait for it to end or cancel it, then schedule again."),
        FotaError.NrfCloudFailed failed => Problems.InternalError(failureTitle, failed.Detail),
        FotaError.OutcomeUnknown unknown => Problems.InternalError(
            failureTitle,
            $"The outcome is unknown: {unknown.Detail}. nRF Cloud may have created the job; the service keeps the request "
            + $"(intent {unknown.IntentId}) for reconciliation. List the device's jobs before scheduling again."),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "unmapped FOTA error"),
    };
}
