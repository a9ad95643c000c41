using WireMock.Admin.Requests;
using WireMock.Logging;

namespace MockNrfCloud.Hosting;

/// <summary>Routes WireMock's own log into ILogger. Its start-up chatter (Info) goes to Debug so the mock logs one line when ready.</summary>
internal sealed class WireMockLoggerAdapter(ILogger logger) : IWireMockLogger
{
    public void Debug(string formatString, params object[] args) => Log(LogLevel.Debug, formatString, args);

    public void Info(string formatString, params object[] args) => Log(LogLevel.Debug, formatString, args);

    public void Warn(string formatString, params object[] args) => Log(LogLevel.Warning, formatString, args);

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
#pragma warning disable CA2254 // WireMock hands us composite format strings, not message templates.
            logger.Log(level, "WireMock: {Message}", args.Length == 0 ? formatString : string.Format(System.Globalization.CultureInfo.InvariantCulture, formatString, args));
#pragma warning restore CA2254
        }
    }
}
