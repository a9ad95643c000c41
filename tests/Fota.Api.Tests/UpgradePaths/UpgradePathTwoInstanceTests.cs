using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// Two instances sharing a real throw-away PostgreSQL run upgrade paths together: every job ends SUCCEEDED once, each step's
/// nRF Cloud job is created exactly once whichever instance ran the step, and each change is one message.
/// </summary>
[Trait("Category", "multi-instance")]
public sealed class UpgradePathTwoInstanceTests
{
    private const int Devices = 12;

    [Fact]
    public async Task Two_instances_on_PostgreSQL_run_each_two_step_path_once()
    {
        PostgresServer.RequireBinaries();
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        var states = new FakeDeviceStates();
        var nrfCloud = new FakeNrfCloud();
        var jobs = new NrfCloudJobs(nrfCloud);
        await using var one = new UpgradePathHost(states, database, nrfCloud);
        await using var two = new UpgradePathHost(states, database, nrfCloud);
        var devices = new List<DeviceResponse>();
        var ids = new List<string>();
        for (var i = 0; i < Devices; i++)
        {
            var host = i % 2 == 0 ? one : two;
            devices.Add(await host.RegisterDeviceAsync());
            ids.Add(await host.ScheduleOkAsync(devices[^1], TwoStepPath.Json));
        }

        // nRF Cloud completes each job at once, and the device then reports the bundle's version.
        var handled = 0;
        await Eventually.TrueAsync(
            () =>
            {
                var created = jobs.Created;
                for (; handled < created.Count; handled++)
                {
                    jobs.SetStatus(created[handled].JobId, "COMPLETED");
                    states.ReportApp(created[handled].DeviceId, created[handled].BundleId.Split("*v")[1]);
                }

                return ids.All(id => one.Store.FindAsync(id, CancellationToken.None).Result?.IsFinal == true);
            },
            "every job to end",
            TimeSpan.FromSeconds(60));

        foreach (var id in ids)
        {
            (await two.Store.FindAsync(id, CancellationToken.None))!.Status.Should().Be("SUCCEEDED");
        }

        jobs.Created.Should().HaveCount(2 * Devices);
        jobs.Created.GroupBy(c => (c.DeviceId, c.BundleId)).Should().AllSatisfy(g => g.Should().HaveCount(1, "no step's job is created twice"));
        foreach (var device in devices)
        {
            (await one.JobMessagesAsync(device.DeviceId)).Should().HaveCount(4, "NEW, two steps, SUCCEEDED: each change once");
        }
    }
}
