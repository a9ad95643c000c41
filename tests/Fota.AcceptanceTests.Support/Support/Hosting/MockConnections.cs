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

    /// <summary>
    /// A mock in simulator mode (SPEC 4.1) with steps of 100 ms: an upgrade path of two steps ends within the in-process
    /// retry budget even on a busy machine.
    /// </summary>
    public static MockNrfCloud.InProcessMockNrfCloud StartInProcessSimulator() =>
        new(new MockNrfCloud.MockOptions
        {
            Mode = MockNrfCloud.MockMode.Simulator,
            Simulator = { StepDelay = TimeSpan.FromMilliseconds(100), ReportDelay = TimeSpan.FromMilliseconds(100) },
        });

    public static IMockNrfCloud OverHttp(Uri mockUrl, string? adminToken, HttpClient httpClient) =>
        new HttpMockNrfCloud(mockUrl, string.IsNullOrEmpty(adminToken) ? null : adminToken, httpClient);
}
