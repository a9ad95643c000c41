using System.Diagnostics;
using Fota.Api.Jobs;
using Fota.Api.Storage;

namespace Fota.Api.Telemetry;

/// <summary>
/// One schedule: the span <c>FOTA schedule</c> (child of the request; the nRF Cloud create and the store calls are its
/// children) and, when a job was stored, one count in <c>fota.jobs.scheduled</c> by account and bundle type.
/// </summary>
public sealed class ScheduleTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly string _bundleType;
    private readonly string _account;

    private ScheduleTrace(StoredDevice device, string bundleId)
    {
        _bundleType = FotaTelemetry.BundleType(bundleId);
        _account = device.Account;
        _span = FotaTelemetry.Source.StartActivity("FOTA schedule");
        _span?.SetTag(FotaTelemetry.Tags.DeviceId, device.DeviceId);
        _span?.SetTag(FotaTelemetry.Tags.Account, device.Account);
        _span?.SetTag(FotaTelemetry.Tags.BundleType, _bundleType);
    }

    public static ScheduleTrace Start(StoredDevice device, string bundleId) => new(device, bundleId);

    public FotaResult<StoredJob> Finished(FotaResult<StoredJob> result)
    {
        if (result.IsSuccess)
        {
            _span?.SetTag(FotaTelemetry.Tags.JobId, result.Value.JobId);
            _span?.SetTag(FotaTelemetry.Tags.Outcome, "scheduled");
            FotaTelemetry.JobsScheduled.Add(
                1,
                new KeyValuePair<string, object?>(FotaTelemetry.Tags.Account, _account),
                new KeyValuePair<string, object?>(FotaTelemetry.Tags.BundleType, _bundleType));
        }
        else
        {
            var outcome = result.Error.GetType().Name;
            _span?.SetTag(FotaTelemetry.Tags.Outcome, outcome);
            _span.Fail(outcome);
        }

        return result;
    }

    public void Dispose() => _span?.Dispose();
}
