using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Fota.Api.Tests.Support;

/// <summary>One job in <see cref="FakeNrfCloudJobList"/>'s answer to <c>GET /v1/fota-jobs</c>.</summary>
public sealed record ListedJob(string JobId, string DeviceId, string BundleId, DateTimeOffset CreatedAt);

/// <summary>Answers to the jobs list reconciliation reads (SPEC §3.1): <see cref="Page"/> for the mock's queue and the fake alike.</summary>
/// <remarks>
/// <see cref="ListJobs"/> (the fake) is used by ExactlyOnceTests (a listing held until the test releases it: a fault the
/// mock cannot express); ReconcileTests queue <see cref="Page"/> on the mock (tests/README.md).
/// </remarks>
public static class FakeNrfCloudJobList
{
    public const string Route = "GET /v1/fota-jobs";

    /// <summary>Every list call is answered with <paramref name="jobs"/> (re-read on each call), in one page.</summary>
    public static void ListJobs(this FakeNrfCloud nrfCloud, Func<IEnumerable<ListedJob>> jobs) =>
        nrfCloud.Always(Route, (_, _) => Task.FromResult(FakeNrfCloud.Response(HttpStatusCode.OK, Page(jobs()))));

    public static string Page(IEnumerable<ListedJob> jobs) => new JsonObject
    {
        ["items"] = new JsonArray([.. jobs.Select(job => (JsonNode)new JsonObject
        {
            ["jobId"] = job.JobId,
            ["createdAt"] = job.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["status"] = "QUEUED",
            ["firmware"] = new JsonObject { ["bundleId"] = job.BundleId },
            ["target"] = new JsonObject { ["deviceIds"] = new JsonArray(job.DeviceId) },
        })]),
    }.ToJsonString();
}
