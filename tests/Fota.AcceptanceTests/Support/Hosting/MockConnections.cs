using MockNrfCloud.Client;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>How the suite reaches the mock nRF Cloud: started in-process, or over its admin HTTP API.</summary>
internal static class MockConnections
{
    public static Task<IMockNrfCloud> StartInProcessAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The in-process mock nRF Cloud has not landed on main yet.");

    public static IMockNrfCloud OverHttp(Uri mockUrl, string? adminToken, HttpClient httpClient) =>
        throw new NotSupportedException("The HTTP client of the mock nRF Cloud has not landed on main yet.");
}
