namespace Fota.Api.NrfCloud;

public sealed partial class NrfCloudClient
{
    private static readonly byte[] EmptyJsonObject = "{}"u8.ToArray();

    /// <summary>
    /// <c>PUT {endpoint}/v1/fota-jobs/{jobId}/cancel</c> with the body <c>{}</c>, as upstream sends it; any 2xx is a success
    /// (the body is not looked at), the result is the job id.
    /// </summary>
    public async Task<NrfCloudResult<string>> CancelFotaJobAsync(NrfCloudAccount account, string jobId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Put, account, "v1/fota-jobs/" + Uri.EscapeDataString(jobId) + "/cancel");
        request.Content = new ByteArrayContent(EmptyJsonObject);
        request.Content.Headers.ContentType = ContentTypeJson;
        return await SendAsync(NrfCloudCalls.Idempotent, request, account, _ => jobId, "anything", cancellationToken);
    }
}
