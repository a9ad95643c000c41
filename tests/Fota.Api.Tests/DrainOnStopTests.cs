using System.Net;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// A deploy's SIGTERM while a create is at nRF Cloud (issue 18, item 1): the service as a real process (Kestrel drains the
/// request), the create answered late; the stop waits for it, the caller gets its 202, and the job is stored.
/// </summary>
public sealed class DrainOnStopTests : IAsyncDisposable
{
    private const string AdminToken = "drain-admin";
    private readonly FakeNrfCloud _nrfCloud = new();
    private readonly TestDatabase _database = TestDatabase.Create(TestDatabase.DefaultKind);
    private NrfCloudServer? _stub;
    private ServiceProcess? _service;

    [Fact]
    public async Task A_sigterm_mid_create_waits_for_the_answer_stores_the_job_and_answers_the_caller()
    {
        // Failed before the fix: the stop cancelled the create at once; the caller got 500 "cancelled" and the list stayed [].
        _stub = await NrfCloudServer.StartAsync(_nrfCloud);
        _service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Fota"] = _database.ConnectionString,
            ["Admin__Token"] = AdminToken,
        });
        var device = (await _service.AddDevicesAsync(AdminToken, _stub.Url, "drain-key"))[0];
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nrfCloud.ProcessThenHoldAnswer(release.Task);
        using var client = _service.CreateClient();

        var schedule = client.ScheduleAsync(device);
        await Eventually.TrueAsync(() => _nrfCloud.CreatedJobs.Count == 1, "the create to reach nRF Cloud");
        _service.Terminate();
        await Eventually.TrueAsync(
            () => _service.Output.Any(line => line.Contains("Application is shutting down", StringComparison.Ordinal)), "the service to begin its stop");
        release.SetResult();

        using var response = await schedule;
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await _service.WaitForExitAsync();
        await using var store = await StoreHost.StartAsync(_database, migrate: false);
        (await store.Jobs.FindAsync(_nrfCloud.CreatedJobs[0], CancellationToken.None)).Should().NotBeNull("the job nRF Cloud created is stored");
        (await store.Jobs.ListIntentsAsync(device.DeviceId, CancellationToken.None)).Should().BeEmpty();
    }

    public ValueTask DisposeAsync() => ServiceProcess.StopAllAsync([_service], _stub, _database);
}
