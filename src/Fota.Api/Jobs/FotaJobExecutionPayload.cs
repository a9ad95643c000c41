using System.Text.Json;
using Fota.Api.Http;
using Fota.Api.Storage;

namespace Fota.Api.Jobs;

/// <summary>A change event carries the job execution exactly as clients receive it over the notification WebSocket.</summary>
public sealed class FotaJobExecutionPayload : IChangeEventPayload
{
    public string Serialize(JobChange change) => JsonSerializer.Serialize(
        new FotaJobExecution(FotaJobExecution.ContextUrl, change.JobId, change.DeviceId, change.Status, change.StatusDetail, change.LastUpdatedAt, change.Version),
        FotaJsonContext.Default.FotaJobExecution);
}
