namespace Fota.Api.Tests.Support;

/// <summary>nRF Cloud's answers as JSON, for the mock's queue and the fake alike.</summary>
public static class NrfCloudJson
{
    /// <summary>A FOTA job as <c>GET /v1/fota-jobs/{id}</c> answers it.</summary>
    public static string Job(string jobId, string status, string? statusDetail = null, string? lastUpdatedAt = null, string? version = null)
    {
        var fields = new List<string>
        {
            $"\"jobId\":\"{jobId}\"",
            $"\"status\":\"{status}\"",
            "\"createdAt\":\"2024-06-06T15:44:00.000Z\"",
            "\"executionStats\":{\"devices\":1}",
        };
        if (statusDetail is not null)
        {
            fields.Add($"\"statusDetail\":\"{statusDetail}\"");
        }

        if (lastUpdatedAt is not null)
        {
            fields.Add($"\"lastUpdatedAt\":\"{lastUpdatedAt}\"");
        }

        if (version is not null)
        {
            fields.Add($"\"firmware\":{{\"version\":\"{version}\",\"bundleId\":\"APP*1e29dfa3*{version}\"}}");
        }

        return "{" + string.Join(",", fields) + "}";
    }

    /// <summary>The answer to a create: <c>{"jobId":…}</c>.</summary>
    public static string Created(string jobId) => $"{{\"jobId\":\"{jobId}\"}}";
}
