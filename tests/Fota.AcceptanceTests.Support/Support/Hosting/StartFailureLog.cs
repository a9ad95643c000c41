using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Keeps the exception the host logs when it fails to start ("Hosting failed to start"). A refused start's own exception
/// may not reach the caller: when the service's entry point fails before WebApplicationFactory waits for it, the factory
/// meets a disposed service provider and throws that instead. The host's log always has the reason. Used by every in-process start
/// (<see cref="InProcessFotaHost"/>, <see cref="ServiceInstance"/>).
/// </summary>
internal sealed class StartFailureLog : ILoggerProvider, ILogger
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private Exception? _failure;

    /// <summary>Throws what the host logged as its start failure, when it logged one other than <paramref name="thrown"/>.</summary>
    public void ThrowLoggedReasonFor(Exception thrown)
    {
        var logged = Volatile.Read(ref _failure);
        if (logged is not null && !ReferenceEquals(logged, thrown))
        {
            ExceptionDispatchInfo.Throw(logged);
        }
    }

    public ILogger CreateLogger(string categoryName) => categoryName == HostCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
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
