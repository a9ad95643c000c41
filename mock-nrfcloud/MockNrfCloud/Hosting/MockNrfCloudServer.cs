using Microsoft.Extensions.Logging.Abstractions;
using MockNrfCloud.Admin;
using MockNrfCloud.NrfCloud;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace MockNrfCloud.Hosting;

/// <summary>
/// The mock nRF Cloud on WireMock.Net's hosting: WireMock runs Kestrel; the admin API is an ASP.NET Core branch at
/// /mock placed before WireMock's middleware; every other request reaches WireMock's single catch-all mapping, answered
/// by <see cref="NrfCloudResponseProvider"/>. WireMock's own admin interface (/__admin) is not started, so
/// /__admin/... is just another (unqueued) nRF Cloud path.
/// </summary>
public sealed class MockNrfCloudServer : IDisposable
{
    private readonly WireMockServer _server;

    private MockNrfCloudServer(WireMockServer server, MockNrfCloudState state, MockOptions options)
    {
        _server = server;
        State = state;
        Options = options;
        Url = new Uri(server.Urls[0]);
    }

    /// <summary>The first URL the server listens on (the nRF Cloud API base; the admin API is under /mock/).</summary>
    public Uri Url { get; }

    /// <summary>Every URL the server listens on.</summary>
    public IReadOnlyList<string> Urls => _server.Urls;

    public MockOptions Options { get; }

    internal MockNrfCloudState State { get; }

    /// <summary>Starts listening on <paramref name="urls"/> (e.g. "http://127.0.0.1:5081"; port 0 = a free port).
    /// <paramref name="timeProvider"/> is the simulator's clock (default: the system clock); tests pass a fake one.</summary>
    /// <exception cref="InvalidOperationException">A simulator option is out of range, or its catalogue or devices file is unusable.</exception>
    public static MockNrfCloudServer Start(MockOptions options, IReadOnlyList<string> urls, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        var state = new MockNrfCloudState(options, timeProvider ?? TimeProvider.System);
        var settings = new WireMockServerSettings
        {
            Urls = [.. urls],
            StartAdminInterface = false,
            // The mock's journal replaces WireMock's request log: it must be partitioned by API key, know which queued
            // response answered, wake server-side waiters, and never drop entries under load. WireMock's log re-sorts
            // all entries on each request when bounded and swallows add failures "during stress testing"; 0 turns it off.
            MaxRequestLogCount = 0,
            AllowBodyForAllHttpMethods = true,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            HandleRequestsSynchronously = false,
            StartTimeout = 30_000, // generous: CI machines can be slow to start Kestrel under load
            Logger = new WireMockLoggerAdapter((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("MockNrfCloud.WireMock")),
            AdditionalServiceRegistration = services =>
            {
                services.AddRouting();
                services.AddSingleton(state);
                services.AddSingleton(options);
            },
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Map("/mock", admin =>
            {
                admin.UseMiddleware<AdminTokenMiddleware>();
                admin.UseRouting();
                admin.UseEndpoints(endpoints => endpoints.MapMockAdmin());
            }),
        };

        var server = WireMockServer.Start(settings);
        server
            .Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher("*")))
            .WithTitle(options.Mode == MockMode.Simulator ? "nRF Cloud API (queued responses, then the simulator)" : "nRF Cloud API (queued responses)")
            .RespondWith(new NrfCloudResponseProvider(state));
        return new MockNrfCloudServer(server, state, options);
    }

    public void Stop()
    {
        State.Stop();
        _server.Stop();
    }

    public void Dispose()
    {
        State.Stop();
        _server.Dispose();
        State.Dispose();
    }
}
