namespace Fota.Api.Tests.Support;

/// <summary>
/// One service instance shared by the tests of a class (host start-up dominates test time). Tests using it work only
/// on devices they register themselves, so they do not see each other's data.
/// </summary>
/// <remarks>With <c>onMock</c> the service calls the real mock nRF Cloud in-process (<see cref="MockNrfCloudCalls"/>),
/// otherwise the <see cref="FakeNrfCloud"/>.</remarks>
public abstract class ApiFixture(IReadOnlyDictionary<string, string?>? settings = null, bool onMock = false) : IDisposable
{
    public FotaApiFactory Api { get; } = new(settings: settings, mock: onMock ? new MockNrfCloud.InProcessMockNrfCloud() : null);

    public static IReadOnlyDictionary<string, string?> NoPoller { get; } = new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" };

    public void Dispose()
    {
        Api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DefaultMockApiFixture() : ApiFixture(onMock: true);

public sealed class NoPollerApiFixture() : ApiFixture(NoPoller);

public sealed class NoPollerMockApiFixture() : ApiFixture(NoPoller, onMock: true);

public sealed class VersionedMockApiFixture() : ApiFixture(new Dictionary<string, string?> { ["Fota:Version"] = "9.9.9-test" }, onMock: true);
