using Microsoft.Extensions.Options;

namespace MockNrfCloud.Hosting;

/// <summary>Runs the mock inside the generic host (standalone mode): starts on "urls", logs one ready line, stops on SIGTERM/Ctrl-C.</summary>
public sealed partial class StandaloneMockHost(
    IOptions<MockOptions> options,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    ILogger<StandaloneMockHost> logger) : IHostedService, IDisposable
{
    public const string DefaultUrls = "http://127.0.0.1:5081";
    private MockNrfCloudServer? _server;

    /// <summary>The running server (null before start).</summary>
    public MockNrfCloudServer? Server => _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = (configuration["urls"] ?? DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _server = MockNrfCloudServer.Start(options.Value, urls, loggerFactory);
        LogListening(string.Join(", ", _server.Urls), options.Value.Mode, string.IsNullOrEmpty(options.Value.AdminToken) ? "open" : "token required", options.Value.JournalLimit);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock nRF Cloud listening on {Urls} (mode: {Mode}, admin API: {AdminAccess}, journal limit {JournalLimit})")]
    private partial void LogListening(string urls, MockMode mode, string adminAccess, int journalLimit);
}
