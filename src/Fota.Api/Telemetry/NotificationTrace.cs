using System.Diagnostics;
using Fota.Api.Storage;

namespace Fota.Api.Telemetry;

/// <summary>
/// One change event handed to this instance's connections: the span <c>FOTA notify</c>, a root span <b>linked</b> to the span
/// that caused the change (the stored <c>traceparent</c>: the schedule request, a poll), and the event's lag in
/// <c>fota.outbox.lag</c>. A link, not a parent: one cause may reach several instances, each delivering on its own.
/// </summary>
public static class NotificationTrace
{
    public static Activity? Start(ChangeEvent change, TimeProvider timeProvider)
    {
        var lag = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - change.CreatedAtMs;
        FotaTelemetry.OutboxLag.Record(Math.Max(0, lag) / 1000.0);
        ActivityLink[]? links = change.TraceParent is { } cause && ActivityContext.TryParse(cause, null, out var context) ? [new ActivityLink(context)] : null;
        var span = FotaTelemetry.Source.StartActivity("FOTA notify", ActivityKind.Producer, parentContext: default, links: links);
        span?.SetTag(FotaTelemetry.Tags.DeviceId, change.DeviceId);
        span?.SetTag(FotaTelemetry.Tags.ChangeEventId, change.Id);
        return span;
    }
}
