namespace Fota.Api.Tests.Support;

/// <summary>
/// One service instance shared by the tests of a class (host start-up dominates test time). Tests using it work only
/// on devices they register themselves, so they do not see each other's data.
/// </summary>
public abstract class ApiFixture(IReadOnlyDictionary<string, string?>? settings = null) : IDisposable
{
    public FotaApiFactory Api { get; } = new(settings: settings);

    public void Dispose()
    {
        Api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DefaultApiFixture : ApiFixture;

public sealed class NoPollerApiFixture() : ApiFixture(new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });

public sealed class VersionedApiFixture() : ApiFixture(new Dictionary<string, string?> { ["Fota:Version"] = "9.9.9-test" });
