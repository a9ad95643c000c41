namespace Fota.Api.NrfCloud;

/// <summary>
/// The two ways an nRF Cloud call is sent; each is a named HttpClient with its own resilience pipeline
/// (<see cref="NrfCloudServiceCollectionExtensions"/>). Put a new call on the one that fits it.
/// </summary>
public static class NrfCloudCalls
{
    /// <summary>
    /// Calls that can safely be repeated (GET, the cancel PUT): retried on timeouts, 5xx, 408, 429 (honouring
    /// <c>Retry-After</c> while it fits the call's budget) and connection errors, with bounded backoff.
    /// </summary>
    public const string Idempotent = "nrfcloud-idempotent";

    /// <summary>
    /// Calls that must reach nRF Cloud at most once (the create POST): retried only when the connection could not be
    /// made (refused, name not resolved), because then nothing was sent. Everything else is the last answer.
    /// </summary>
    public const string SendOnce = "nrfcloud-send-once";
}
