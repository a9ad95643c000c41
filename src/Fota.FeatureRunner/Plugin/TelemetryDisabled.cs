using Reqnroll.Analytics;

namespace Fota.FeatureRunner.Plugin;

/// <summary>Reqnroll's telemetry is always off: nothing leaves the machine.</summary>
internal sealed class TelemetryDisabled : IEnvironmentReqnrollTelemetryChecker
{
    public bool IsReqnrollTelemetryEnabled() => false;
}
