using System.Text.Json.Serialization;
using Fota.Api.Storage;

namespace Fota.Api.Jobs;

/// <summary>One FOTA job as the protocol shows it (<c>https://github.com/hello-nrfcloud/proto/fota/job-execution</c>).</summary>
public sealed record FotaJobExecution(
    [property: JsonPropertyName("@context")] string Context,
    string Id,
    string DeviceId,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StatusDetail,
    string LastUpdatedAt,
    string Version)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/job-execution";

    public static FotaJobExecution From(StoredJob job) =>
        new(ContextUrl, job.JobId, job.DeviceId, job.Status, job.StatusDetail, job.LastUpdatedAt, job.Version);
}

/// <summary>The most recent jobs of a device (<c>https://github.com/hello-nrfcloud/proto/fota/job-executions</c>).</summary>
public sealed record FotaJobExecutions(
    [property: JsonPropertyName("@context")] string Context,
    string DeviceId,
    IReadOnlyList<FotaJobExecution> Jobs)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/job-executions";
}

/// <summary>The body of <c>POST /device/{deviceId}/fota</c> (documented in OpenAPI; read by the device filter, <see cref="Devices.DeviceRoutes.ReadsBody"/>).</summary>
public sealed record ScheduleFotaJobRequest(string BundleId);
