using System.Diagnostics;
using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>The device an upgrade-path job runs on.</summary>
public static class JobDevices
{
    /// <summary>The job's device: a job is scheduled for a registered device, and the registry never removes one.</summary>
    public static async Task<StoredDevice> DeviceOfAsync(this IRegistryStore registry, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(job);
        return await registry.FindDeviceAsync(job.DeviceId, cancellationToken)
            ?? throw new UnreachableException($"Device {job.DeviceId} of upgrade-path job {job.JobId} is not registered: the registry never removes a device.");
    }
}
