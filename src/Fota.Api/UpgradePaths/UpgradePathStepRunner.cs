using System.Diagnostics;
using Fota.Api.DeviceStates;
using Fota.Api.Jobs;
using Fota.Api.Jobs.Scheduling;
using Fota.Api.Storage;
using Fota.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// Runs one claimed job through the steps of SPEC §3.6 as far as it can go now. Every step's outcome is stored (conditionally:
/// while the claim holds and the job is not final) before its effect: step 1's choice is stored with the step's intent id
/// before step 2 creates the nRF Cloud job, so a resumed step 2 knows whether a create may have been sent. A write that
/// finds the job final (a cancel won the race) ends the pass without reviving it.
/// </summary>
public sealed partial class UpgradePathStepRunner(
    IUpgradePathStore store,
    IJobStore jobs,
    IRegistryStore registry,
    IDeviceStates deviceStates,
    FotaScheduler scheduler,
    UpgradePathCancel cancel,
    IOptions<UpgradePathOptions> options,
    TimeProvider timeProvider,
    ILogger<UpgradePathStepRunner> logger)
{
    public const string Running = "IN_PROGRESS";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string ReportTimedOut = "The device did not report a new version in time.";

    /// <summary>Runs <paramref name="job"/> (claimed by <paramref name="owner"/>): a final job owes nRF Cloud a cancel; any other goes through its steps.</summary>
    public async Task RunAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        if (job.IsFinal)
        {
            await cancel.CancelAtNrfCloudAsync(owner, job, cancellationToken);
        }
        else
        {
            await RunStepsAsync(owner, job, cancellationToken);
        }
    }

    /// <summary>Runs the job's steps until one has to wait, ends the job, or loses the claim.</summary>
    private async Task RunStepsAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var pass = new Pass(job, ClaimKept: true);
        while (pass is { ClaimKept: true, Job: { } current })
        {
            using var trace = UpgradePathStepTrace.Start(current);
            pass = current.Step switch
            {
                UpgradePathSteps.Next => await ChooseBundleAsync(owner, current, current.ReportedVersion, cancellationToken),
                UpgradePathSteps.Start => await StartAsync(owner, current, cancellationToken),
                UpgradePathSteps.WaitForCloud => await WaitForCloudAsync(owner, current, cancellationToken),
                UpgradePathSteps.WaitForDevice => await WaitForDeviceAsync(owner, current, cancellationToken),
                _ => throw new InvalidOperationException($"Upgrade-path job {current.JobId} is in unknown step {current.Step}."),
            };
            trace.Finished(pass.Job);
        }
    }

    /// <summary>Step 1 from version <paramref name="version"/>: the next step recorded (the flow goes on to create it), or the final status.</summary>
    private async Task<Pass> ChooseBundleAsync(
        string owner, StoredUpgradePathJob job, string version, CancellationToken cancellationToken)
    {
        var bundleId = UpgradePath.Deserialize(job.UpgradePath).BundleFor(version);
        if (bundleId is null)
        {
            return await FinishAsync(owner, job with { ReportedVersion = version }, Succeeded, $"No more bundles to apply for {version}. Job completed.", cancellationToken);
        }

        if (StartedVersions.Read(job.StartedFrom).Contains(version))
        {
            return await FinishAsync(owner, job with { ReportedVersion = version }, Failed, $"The upgrade path returned to version {version}.", cancellationToken);
        }

        return await GoOnAsync(
            owner,
            job with
            {
                Status = Running,
                StatusDetail = $"Started job for version {version} with bundle {bundleId}.",
                ReportedVersion = version,
                Timestamp = Now(),
                Step = UpgradePathSteps.Start,
                StepBundleId = bundleId,
                IntentId = FotaScheduler.NewIntentId(),
                NrfJobId = null,
                StartedFrom = StartedVersions.Add(job.StartedFrom, version),
                ReportDeadline = null,
            },
            cancellationToken);
    }

    /// <summary>
    /// Step 2: creates the step's nRF Cloud job under the step's intent, unless an earlier run of this step (on an instance
    /// that died) got that far. The nRF Cloud job the v1 store linked to the intent is the step's job; an intent still open
    /// means a create may have reached nRF Cloud (FAILED, outcome unknown; reconciliation resolves the intent). Neither
    /// means nothing was created, as in a step recorded just now.
    /// </summary>
    private async Task<Pass> StartAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var bundleId = job.StepBundleId ?? throw new UnreachableException("Step 2 is always stored with its bundle.");
        if (job.NrfJobId is { } linked)
        {
            return await GoOnAsync(owner, job with { Step = UpgradePathSteps.WaitForCloud, NrfJobId = linked }, cancellationToken);
        }

        var intents = await jobs.ListIntentsAsync(job.DeviceId, cancellationToken);
        if (intents.Any(intent => intent.IntentId == job.IntentId))
        {
            LogResumedUnknown(job.JobId, job.IntentId);
            return await FinishAsync(owner, job, Failed, OutcomeUnknown(bundleId), cancellationToken);
        }

        var device = await registry.DeviceOfAsync(job, cancellationToken);
        var created = await scheduler.ScheduleAsync(device, bundleId, job.IntentId!, cancellationToken);

        // The create's outcome is recorded even when the service is stopping (bounded like the v1 schedule's bookkeeping).
        using var storeBound = new CancellationTokenSource(FotaScheduler.StoreBudget, timeProvider);
        if (created.IsSuccess)
        {
            LogStarted(job.JobId, created.Value.JobId, bundleId);
            return await WaitAsync(owner, job with { Step = UpgradePathSteps.WaitForCloud, NrfJobId = created.Value.JobId }, storeBound.Token);
        }

        var detail = created.Error switch
        {
            FotaError.OutcomeUnknown => OutcomeUnknown(bundleId),
            FotaError.JobRunning running => $"The nRF Cloud job {running.JobId} for bundle {bundleId} of this device has not ended yet, so no second one was created.",
            FotaError.AlreadyScheduling => $"Another request is creating an nRF Cloud job for bundle {bundleId} of this device, so no second one was created.",
            var failed => $"Creating the nRF Cloud job for bundle {bundleId} failed: {FotaProblems.From(failed, FotaProblems.SchedulingFailed).ProblemDetails.Detail}",
        };
        return await FinishAsync(owner, job, Failed, detail, storeBound.Token);
    }

    /// <summary>Step 3: the step's nRF Cloud job, as the v1 poller stores it.</summary>
    private async Task<Pass> WaitForCloudAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var nrfJobId = job.NrfJobId ?? throw new UnreachableException("Step 3 is always stored with its nRF Cloud job.");
        var nrfJob = await jobs.FindAsync(nrfJobId, cancellationToken);
        if (nrfJob is null || !JobStatuses.IsFinal(nrfJob.Status))
        {
            return await WaitAsync(owner, job, cancellationToken);
        }

        if (nrfJob.Status != "COMPLETED")
        {
            return await FinishAsync(owner, job, Failed, $"The nRF Cloud job {nrfJobId} ended with status {nrfJob.Status}.", cancellationToken);
        }

        // Watched before the step is stored: a resumed step 3 watches again (the deadline moves), never a step 4 unwatched.
        var deadline = timeProvider.GetUtcNow() + options.Value.ReportTimeout;
        await deviceStates.WatchAsync(job.DeviceId, job.JobId, deadline, cancellationToken);
        return await GoOnAsync(owner, job with { Step = UpgradePathSteps.WaitForDevice, ReportDeadline = deadline }, cancellationToken);
    }

    /// <summary>Step 4: the device's stored state (read in the background while watched) against the step's version.</summary>
    private async Task<Pass> WaitForDeviceAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var target = job.Target == UpgradePath.Name(FotaTarget.App) ? FotaTarget.App : FotaTarget.Modem;
        var state = await deviceStates.GetStoredAsync(job.DeviceId, cancellationToken);
        if (state?.VersionOf(target) is { } reported && reported != job.ReportedVersion)
        {
            var next = await ChooseBundleAsync(owner, job, reported, cancellationToken);
            await deviceStates.UnwatchAsync(job.DeviceId, job.JobId, cancellationToken);
            return next;
        }

        // The watch ends at the same deadline, so a job that timed out has no watch left to end.
        // Stryker disable once Equality : `>` is equivalent, the clock never lands on the deadline's tick
        if (timeProvider.GetUtcNow() >= job.ReportDeadline)
        {
            return await FinishAsync(owner, job, Failed, ReportTimedOut, cancellationToken);
        }

        return await WaitAsync(owner, job, cancellationToken);
    }

    /// <summary>Stores the next step with the claim kept: the pass goes on with it at once.</summary>
    private Task<Pass> GoOnAsync(string owner, StoredUpgradePathJob next, CancellationToken cancellationToken) =>
        StoreAsync(owner, next, timeProvider.GetUtcNow(), keepClaim: true, cancellationToken);

    /// <summary>Stores the job (changed or not) with the claim released: a waiting job is due again after the interval.</summary>
    private Task<Pass> WaitAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken) =>
        StoreAsync(owner, job, timeProvider.GetUtcNow() + options.Value.Interval, keepClaim: false, cancellationToken);

    /// <summary>Stores the job's final status with the claim released (a final job runs again only if it owes nRF Cloud a cancel).</summary>
    private async Task<Pass> FinishAsync(
        string owner, StoredUpgradePathJob job, string status, string detail, CancellationToken cancellationToken)
    {
        var finished = await WaitAsync(
            owner, job with { Status = status, StatusDetail = detail, Timestamp = Now(), IsFinal = true, Step = UpgradePathSteps.Done }, cancellationToken);
        // Stryker disable once all : only the log and the metric depend on it
        if (finished.Job is not null)
        {
            LogFinished(job.JobId, status, detail);
            FotaTelemetry.UpgradePathJobsFinal.Add(1, new KeyValuePair<string, object?>(FotaTelemetry.Tags.JobStatus, status));
        }

        return finished;
    }

    /// <summary>The one write of a step (null when the claim was lost or the job is final); the pass goes on only while it keeps the claim.</summary>
    private async Task<Pass> StoreAsync(
        string owner, StoredUpgradePathJob job, DateTimeOffset nextRunAt, bool keepClaim, CancellationToken cancellationToken) =>
        new(await store.AdvanceAsync(owner, job, nextRunAt, keepClaim, cancellationToken), keepClaim);

    private string Now() => Timestamps.Format(timeProvider.GetUtcNow());

    private static string OutcomeUnknown(string bundleId) => $"The outcome of the nRF Cloud job for bundle {bundleId} is unknown.";

    /// <summary>A step's stored outcome, and whether this pass still holds the job's claim.</summary>
    private readonly record struct Pass(StoredUpgradePathJob? Job, bool ClaimKept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgrade-path job {JobId} started nRF Cloud job {NrfJobId} with bundle {BundleId}")]
    private partial void LogStarted(string jobId, string nrfJobId, string bundleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgrade-path job {JobId} is {Status}: {Detail}")]
    private partial void LogFinished(string jobId, string status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upgrade-path job {JobId} resumed a step whose create (intent {IntentId}) may have reached nRF Cloud; the job fails, reconciliation resolves the intent")]
    private partial void LogResumedUnknown(string jobId, string? intentId);
}
