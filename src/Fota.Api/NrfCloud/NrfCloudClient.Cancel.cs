namespace Fota.Api.NrfCloud;

public sealed partial class NrfCloudClient
{
    /// <summary><c>PUT {endpoint}/v1/fota-jobs/{jobId}/cancel</c>; any 2xx is a success (the body is not looked at), the result is the job id.</summary>
    public async Task<NrfCloudResult<string>> CancelFotaJobAsync(NrfCloudAccount account, string jobId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Put, account, "v1/fota-jobs/" + Uri.EscapeDataString(jobId) + "/cancel");
        return await SendAsync(NrfCloudCalls.Idempotent, request, account, _ => jobId, "anything", cancellationToken);
    }
}
