using System.Diagnostics;
using Fota.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Jobs;

/// <summary>The one place where a <see cref="FotaError"/> becomes a problem document.</summary>
public static class FotaProblems
{
    public const string SchedulingFailed = "Scheduling FOTA update failed";
    public const string NoSuchJobTitle = "No FOTA job found with ID!";
    public const string FinishedTitle = "The FOTA job is already finished.";

    /// <summary>The value's answer made by <paramref name="ok"/>, or the error's problem; <paramref name="failureTitle"/> is the title of a 500.</summary>
    public static Results<TOk, ProblemHttpResult> Answer<T, TOk>(FotaResult<T> result, Func<T, TOk> ok, string failureTitle)
        where T : class
        where TOk : IResult =>
        result.IsSuccess ? ok(result.Value) : From(result.Error, failureTitle);

    /// <summary>The problem for <paramref name="error"/>; <paramref name="failureTitle"/> is the title of a 500 (what failed).</summary>
    public static ProblemHttpResult From(FotaError error, string failureTitle) => error switch
    {
        FotaError.Invalid invalid => Problems.ValidationFailed(invalid.Errors),
        FotaError.UnknownDevice unknown => Problems.NotFound("No device found with ID!", unknown.DeviceId),
        FotaError.WrongFingerprint wrong => Problems.Forbidden(
            "Fingerprint does not match!", $"The fingerprint does not belong to device {wrong.DeviceId}."),
        FotaError.UnknownFingerprint => Problems.Forbidden("Unknown fingerprint!", "No device has this fingerprint."),
        FotaError.NoSuchJob missing => Problems.NotFound(NoSuchJobTitle, $"Device {missing.DeviceId} has no FOTA job with ID {missing.JobId}."),
        FotaError.AlreadyFinished finished => Problems.Conflict(FinishedTitle, $"FOTA job {finished.JobId} is {finished.Status}."),
        FotaError.AlreadyScheduling busy => Problems.Conflict(
            "FOTA job is already being scheduled",
            $"A request to schedule bundle {busy.BundleId} for device {busy.DeviceId} (intent {busy.IntentId}) is still being "
            + "created at nRF Cloud, or its outcome is being reconciled. Wait for its answer, then list the device's jobs."),
        FotaError.JobRunning running => Problems.Conflict(
            "FOTA job is already running",
            $"FOTA job {running.JobId} with bundle {running.BundleId} for device {running.DeviceId} has not ended yet. "
            + "Wait for it to end or cancel it, then schedule again."),
        FotaError.NotEligible notEligible => Problems.BadRequest("Device is not eligible for FOTA", notEligible.Detail),
        FotaError.InvalidUpgradePath invalidPath => Problems.BadRequest("Invalid upgrade path defined", invalidPath.Detail),
        FotaError.UpgradePathJobExists exists => Problems.Conflict(
            $"A {exists.Target} FOTA job for this device already exists",
            $"Device {exists.DeviceId} has a {exists.Target} FOTA job that has not finished. Wait for it to finish or cancel it, then schedule again."),
        FotaError.AccountNotConfigured missing => Problems.InternalError(
            failureTitle, $"The nRF Cloud account '{missing.Account}' of this {missing.Owner} is not configured, so nRF Cloud was not called."),
        FotaError.NrfCloudFailed failed => Problems.InternalError(failureTitle, failed.Detail),
        FotaError.OutcomeUnknown unknown => Problems.InternalError(
            failureTitle,
            $"The outcome is unknown: {unknown.Detail}. nRF Cloud may have created the job; the service keeps the request "
            + $"(intent {unknown.IntentId}) for reconciliation. List the device's jobs before scheduling again."),
        _ => throw new UnreachableException(), // FotaError is closed (private constructor): every subtype has its arm above
    };
}
