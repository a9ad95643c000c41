using WireMock.Admin.Requests;
using WireMock.Logging;

namespace MockNrfCloud.Hosting;

/// <summary>Routes WireMock's own log into ILogger. Its start-up chatter (Info) goes to Debug so the mock logs one line when ready.</summary>
internal sealed class WireMockLoggerAdapter(ILogger logger) : IWireMockLogger
{
    public void Debug(string formatString, params object[] args) => Log(LogLevel.Debug, formatString, args);

    public void Info(string formatString, params object[] args) => Log(LogLevel.Debug, formatString, args);

    // Kestrel warns "Overriding address(es) ..." when ASPNETCORE_URLS is set, because WireMock configures its endpoints
    // explicitly (from the same urls we read). That override is intended, so it is not worth a warning.
    public void Warn(string formatString, params object[] args)
    {
        var message = Format(formatString, args);
        Write(message.Contains("Overriding address(es)", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Warning, message);
    }

    public void Error(string formatString, params object[] args) => Log(LogLevel.Error, formatString, args);

    public void Error(string message, Exception exception) =>
        logger.LogError(exception, "WireMock: {Message}", message);

    public void DebugRequestResponse(LogEntryModel logEntryModel, bool isAdminRequest)
    {
        // Every request is in the mock's journal already; nothing to add here.
    }

    private void Log(LogLevel level, string formatString, object[] args)
    {
        if (logger.IsEnabled(level))
        {
            Write(level, Format(formatString, args));
        }
    }

    private void Write(LogLevel level, string message) => logger.Log(level, "WireMock: {Message}", message);

    // WireMock hands us composite format strings ("{0}"), not message templates.
    private static string Format(string formatString, object[] args) =>
        args.Length == 0 ? formatString : string.Format(System.Globalization.CultureInfo.InvariantCulture, formatString, args);
}
