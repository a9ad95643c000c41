namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// The one normalisation of request paths: percent-decoded (<c>/v1/fota-jobs/APP%2A1</c> is <c>/v1/fota-jobs/APP*1</c>).
/// The mock records paths, and tests write queue keys, filters and expected requests, in the same form, so every
/// comparison is between paths normalised by this function.
/// </summary>
public static class RequestPaths
{
    /// <summary>The path as written or as it arrived (raw, percent-encoded or not), decoded once.</summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Uri.UnescapeDataString(path);
    }
}
