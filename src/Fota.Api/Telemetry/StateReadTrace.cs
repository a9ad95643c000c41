using System.Diagnostics;

namespace Fota.Api.Telemetry;

/// <summary>
/// One background device-state read call of one account: the span <c>FOTA state read</c> (root; its nRF Cloud call is a
/// child) and its time in <c>fota.state_read.duration</c>, by outcome: <c>ok</c>, <c>failed</c> or <c>cancelled</c>.
/// </summary>
public sealed class StateReadTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _account;
    private string _outcome = "cancelled";

    private StateReadTrace(string account, int devices)
    {
        _account = account;
        _span = FotaTelemetry.Source.StartActivity("FOTA state read", ActivityKind.Internal);
        _span?.SetTag(FotaTelemetry.Tags.Account, account);
        _span?.SetTag(FotaTelemetry.Tags.DevicesCount, devices);
    }

    public static StateReadTrace Start(string account, int devices) => new(account, devices);

    public void Finished(bool succeeded)
    {
        _outcome = succeeded ? "ok" : "failed";
        if (!succeeded)
        {
            _span.Fail("the device state read failed; retried later");
        }
    }

    public void Dispose()
    {
        _span?.SetTag(FotaTelemetry.Tags.Outcome, _outcome);
        _span?.Dispose();
        FotaTelemetry.StateReadDuration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.Account, _account),
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.Outcome, _outcome));
    }
}
