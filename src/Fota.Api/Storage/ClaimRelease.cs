namespace Fota.Api.Storage;

/// <summary>
/// How a stopping background loop gives its claims back, so another instance takes them over at once: bounded (the stop
/// must not hang on the database), and a failure only logged — unreleased claims run out with their lease.
/// </summary>
public static partial class ClaimRelease
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public static async Task OnStopAsync(string loop, string owner, Func<CancellationToken, Task<int>> release, ILogger logger)
    {
        try
        {
            using var bound = new CancellationTokenSource(Budget);
            LogReleased(logger, loop, owner, await release(bound.Token));
        }
        catch (Exception exception)
        {
            LogReleaseFailed(logger, exception, loop, owner);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Loop} {Owner} stopped and released {Released} claim(s)")]
    private static partial void LogReleased(ILogger logger, string loop, string owner, int released);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Loop} {Owner} could not release its claims; they expire with their lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string loop, string owner);
}
