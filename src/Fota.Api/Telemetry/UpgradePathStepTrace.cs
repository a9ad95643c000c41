using System.Diagnostics;
using Fota.Api.Storage;

namespace Fota.Api.Telemetry;

/// <summary>
/// One step of an upgrade-path flow run: the span <c>FOTA upgrade-path step</c> (its nRF Cloud and store calls are its
/// children) and one count in <c>fota.upgrade_path.steps</c> by step and outcome: <c>advanced</c> (the next step is stored),
/// <c>waiting</c> (due again later), <c>final</c> (the job ended), <c>claim_lost</c> (nothing stored: a cancel or another
/// instance won) or <c>error</c>.
/// </summary>
public sealed class UpgradePathStepTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly string _step;
    private string _outcome = "error";

    private UpgradePathStepTrace(StoredUpgradePathJob job)
    {
        _step = job.Step;
        _span = FotaTelemetry.Source.StartActivity("FOTA upgrade-path step", ActivityKind.Internal);
        _span?.SetTag(FotaTelemetry.Tags.UpgradePathJobId, job.JobId);
        _span?.SetTag(FotaTelemetry.Tags.DeviceId, job.DeviceId);
        _span?.SetTag(FotaTelemetry.Tags.UpgradePathStep, job.Step);
    }

    public static UpgradePathStepTrace Start(StoredUpgradePathJob job) => new(job);

    /// <summary>The step stored <paramref name="next"/> (null: nothing was stored).</summary>
    public void Finished(StoredUpgradePathJob? next)
    {
        _outcome = next switch
        {
            null => "claim_lost",
            { IsFinal: true } => "final",
            _ when next.Step != _step => "advanced",
            _ => "waiting",
        };
        if (next is { IsFinal: true })
        {
            _span?.SetTag(FotaTelemetry.Tags.JobStatus, next.Status);
        }
    }

    public void Dispose()
    {
        _span?.SetTag(FotaTelemetry.Tags.Outcome, _outcome);
        if (_outcome == "error")
        {
            _span.Fail("the upgrade-path step failed");
        }

        _span?.Dispose();
        FotaTelemetry.UpgradePathSteps.Add(
            1,
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.UpgradePathStep, _step),
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.Outcome, _outcome));
    }
}
