using Fota.Api.DeviceStates;
using Fota.Api.Jobs;
using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// Schedules an upgrade-path job (SPEC §2.10): reads the device's state from nRF Cloud now, answers the eligibility rules in
/// the spec's order, stores the job as NEW (the database refuses a second non-final job of the target: 409) and wakes the flow.
/// </summary>
public sealed partial class UpgradePathScheduler(
    IDeviceStates deviceStates,
    IUpgradePathStore store,
    UpgradePathSignal signal,
    TimeProvider timeProvider,
    ILogger<UpgradePathScheduler> logger)
{
    public const string Created = "NEW";
    public const string CreatedDetail = "The job has been created";

    public async Task<FotaResult<StoredUpgradePathJob>> ScheduleAsync(
        StoredDevice device, FotaTarget target, UpgradePath path, CancellationToken cancellationToken)
    {
        var read = await deviceStates.ReadNowAsync(device, cancellationToken);
        var eligible = Eligibility(read, target);
        if (!eligible.IsSuccess)
        {
            return eligible.Error;
        }

        var now = timeProvider.GetUtcNow();
        var job = new StoredUpgradePathJob(
            Ulid.NewUlid(now).ToString(),
            device.DeviceId,
            device.Account,
            UpgradePath.Name(target),
            path.Serialize(),
            Created,
            CreatedDetail,
            eligible.Value,
            Timestamps.Format(now),
            now,
            IsFinal: false,
            UpgradePathSteps.Next,
            StepBundleId: null,
            IntentId: null,
            NrfJobId: null,
            StartedVersions.None,
            ReportDeadline: null,
            UpgradePathCancelStates.None,
            CancelAttempts: 0);
        if (!await store.TryInsertAsync(job, cancellationToken))
        {
            return new FotaError.UpgradePathJobExists(device.DeviceId, job.Target);
        }

        LogScheduled(job.JobId, device.DeviceId, job.Target, job.ReportedVersion);
        signal.Notify();
        return job;
    }

    /// <summary>The device's version for the target, or the answer of the first rule it breaks (SPEC §2.10, in that order).</summary>
    private static FotaResult<string> Eligibility(DeviceStateRead read, FotaTarget target)
    {
        switch (read)
        {
            case DeviceStateRead.Unavailable unavailable:
                return new FotaError.NrfCloudFailed(unavailable.Detail);
            case DeviceStateRead.UnknownDevice:
                return new FotaError.NotEligible("Unknown device state!");
            case DeviceStateRead.Found { State: var state }:
                if (state.FotaTypes.Count == 0)
                {
                    return new FotaError.NotEligible("This device does not support FOTA!");
                }

                if (state.AppVersion is null && state.ModemVersion is null)
                {
                    return new FotaError.NotEligible("This device has not reported any firmware versions!");
                }

                if (!state.SupportedTargets.Contains(target))
                {
                    return new FotaError.InvalidUpgradePath($"The device does not support FOTA for target {UpgradePath.Name(target)}!");
                }

                return state.VersionOf(target) is { } version
                    ? FotaResult<string>.Success(version)
                    : new FotaError.InvalidUpgradePath(
                        $"The device has not reported {(target == FotaTarget.App ? "an application" : "a modem")} firmware version!");
            default:
                throw new ArgumentOutOfRangeException(nameof(read), read, "unmapped device state read");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled upgrade-path job {JobId} for device {DeviceId}, target {Target}, from version {Version}")]
    private partial void LogScheduled(string jobId, string deviceId, string target, string version);
}
