using System.Text.Json;

namespace MockNrfCloud.NrfCloud;

/// <summary>The 404 body when no queued response matches: names the request key, the (masked) API key and what is queued.</summary>
internal sealed record NothingQueuedBody(string Error, string Request, string ApiKey, IReadOnlyList<QueuedResponseSummary> Queued);

internal sealed record QueuedResponseSummary(string Id, string Request, bool Keep);

internal static class NrfCloudJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
