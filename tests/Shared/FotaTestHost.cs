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
    private readonly StartFailureLog _startFailure = new();

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

    /// <summary>
    /// Starts the service. A start that fails throws the reason the host logged ("Hosting failed to start"): when the
    /// service's entry point fails before WebApplicationFactory waits for it, the factory meets a disposed service provider
    /// and would throw <see cref="ObjectDisposedException"/> instead, which names nothing.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.Run(StartServer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception thrown)
        {
            _startFailure.ThrowLoggedReasonFor(thrown);
            throw;
        }
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
        Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions.ConfigureLogging(
            builder,
            logging => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logging.Services, _startFailure));
        _configure?.Invoke(builder);
    }

    /// <summary>Keeps the first exception the host logs as an error: its start failure, for <see cref="StartAsync"/>.</summary>
    private sealed class StartFailureLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
        private Exception? _failure;

        /// <summary>Throws what the host logged as its start failure, when it logged one other than <paramref name="thrown"/>.</summary>
        public void ThrowLoggedReasonFor(Exception thrown)
        {
            var logged = Volatile.Read(ref _failure);
            if (logged is not null && !ReferenceEquals(logged, thrown))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(logged);
            }
        }

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) =>
            categoryName == HostCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Error;

        public void Log<TState>(
            Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null)
            {
                Interlocked.CompareExchange(ref _failure, exception, null);
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public void Dispose()
        {
        }
    }
}
