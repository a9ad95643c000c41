using MockNrfCloud.Abstractions;
using MockNrfCloud.Client;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>How the suite reaches the mock nRF Cloud: started in-process, or over its admin HTTP API.</summary>
internal static class MockConnections
{
    public static Task<IMockNrfCloud> StartInProcessAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IMockNrfCloud>(new MockNrfCloud.InProcessMockNrfCloud());
    }

    public static IMockNrfCloud OverHttp(Uri mockUrl, string? adminToken, HttpClient httpClient) =>
        new HttpMockNrfCloud(mockUrl, string.IsNullOrEmpty(adminToken) ? null : adminToken, httpClient);
}
