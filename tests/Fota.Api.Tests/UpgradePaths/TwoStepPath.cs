using System.Text.Json.Nodes;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// The two-step APP upgrade path the flow tests run (2.0.0 → 2.0.1 → 2.0.2, bundles of the mock's default catalogue) and the
/// job's history when each step ran once: its <c>fota/job</c> messages as <see cref="Describe"/> writes them.
/// </summary>
public static class TwoStepPath
{
    public const string Bundle1 = "APP*1e29dfa3*v2.0.1";
    public const string Bundle2 = "APP*cd5412d9*v2.0.2";
    public const string Json = $$"""{"2.0.0":"{{Bundle1}}","2.0.1":"{{Bundle2}}"}""";

    private const string JobContext = "https://github.com/hello-nrfcloud/proto/fota/job";

    /// <summary>NEW, each step's IN_PROGRESS once, SUCCEEDED.</summary>
    public static readonly IReadOnlyList<string> SucceededHistory =
    [
        "NEW 2.0.0 The job has been created",
        $"IN_PROGRESS 2.0.0 Started job for version 2.0.0 with bundle {Bundle1}.",
        $"IN_PROGRESS 2.0.1 Started job for version 2.0.1 with bundle {Bundle2}.",
        "SUCCEEDED 2.0.2 No more bundles to apply for 2.0.2. Job completed.",
    ];

    /// <summary>The <c>fota/job</c> messages among change-event payloads, each as "status reportedVersion statusDetail".</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<string> payloads) =>
        payloads.Select(payload => JsonNode.Parse(payload)!)
            .Where(m => m["@context"]!.GetValue<string>() == JobContext)
            .Select(m => $"{m["status"]} {m["reportedVersion"]} {m["statusDetail"]}")
            .ToList();
}
