using Microsoft.AspNetCore.Mvc.Testing;

namespace Fota.Testing;

// Hosting and configuration types are written in full: the Web SDK's implicit usings (bench/notifications) already
// import their namespaces, the test SDK's do not, and an unneeded using fails the build.

/// <summary>
/// The service in-process for tests and benchmarks: the repository's one <see cref="WebApplicationFactory{TEntryPoint}"/>,
/// compiled into Fota.Api.Tests, the acceptance suite's support library and bench/notifications by a linked
/// <c>&lt;Compile Include&gt;</c> (so no test project references another). Generic over the entry point because the
/// benchmark references the service under an extern alias. Each host gives its own settings (usually
/// <c>FastTestSettings.Service</c> plus a database and an admin token) and, through <c>configure</c>, its own services
/// or logging.
/// </summary>
/// <typeparam name="TEntryPoint">The service's <c>Program</c>.</typeparam>
public class FotaTestHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? _configure;

    /// <param name="settings">Configuration keys as in the service's README; a null value hides the key's value from appsettings.</param>
    /// <param name="configure">Anything else the host needs (services, logging, …), after the settings.</param>
    public FotaTestHost(IEnumerable<KeyValuePair<string, string?>> settings, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        _configure = configure;
    }

    /// <summary>The configuration the service runs with; a subclass may add to it in its constructor.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>
    /// Each setting both as a host setting (seen by <c>Program.cs</c> before the app is built) and as the last
    /// configuration source (wins over appsettings, and a null there hides a key).
    /// </summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }

        var settings = new Dictionary<string, string?>(Settings, StringComparer.Ordinal);
        builder.ConfigureAppConfiguration((_, configuration) => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(configuration, settings));
        _configure?.Invoke(builder);
    }
}
