namespace Fota.Api.Jobs;

/// <summary>nRF Cloud job statuses. Final ones are never polled again; anything else (also unknown values) is.</summary>
public static class JobStatuses
{
    public const string Queued = "QUEUED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    private static readonly HashSet<string> Final = new(StringComparer.Ordinal)
    {
        "COMPLETED", "SUCCEEDED", Failed, "TIMED_OUT", Cancelled, "REJECTED",
    };

    public static bool IsFinal(string status) => Final.Contains(status);
}
