using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>The host this scenario runs against, and where its drivers log (the test's output).</summary>
public sealed class ScenarioHost(IReqnrollOutputHelper output)
{
    private IFotaHost? _host;

    public async Task<IFotaHost> GetAsync()
    {
        return _host ??= await FotaHosts.CurrentAsync().ConfigureAwait(false);
    }

    public void Log(string message) => output.WriteLine(message);
}
