using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Fota.Api.Telemetry;

/// <summary>
/// A span per store call (<c>{Store}.{Operation}</c>, kind Client, with <c>db.system.name</c> and <c>db.operation.name</c>), the same
/// way for SQLite and PostgreSQL: a proxy in front of each store interface (<see cref="TelemetryServiceCollectionExtensions"/>),
/// so a store method added later is traced without a line here. The span covers the whole call — opening the pooled
/// connection, the commands, the commit — which is what a caller waits for. No SQL text and no parameter is recorded. Only
/// calls made inside a trace (a request, a poll) get a span.
/// </summary>
public class TracedStore : DispatchProxy
{
    private object _inner = null!;
    private string _store = "";
    private string _system = "";

    public static object Wrap(Type storeInterface, object inner, string system)
    {
        var proxy = Create(storeInterface, typeof(TracedStore));
        var traced = (TracedStore)proxy;
        traced._inner = inner;
        traced._store = inner.GetType().Name;
        traced._system = system;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        var operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
        var caller = Activity.Current;
        // Only inside a trace: the follower's and the poller's idle reads (every 100 ms, every second) would be noise.
        var span = caller is null ? null : FotaTelemetry.Source.StartActivity($"{_store}.{operation}", ActivityKind.Client);
        if (span is null)
        {
            return Call(method, args);
        }

        span.SetTag(FotaTelemetry.Tags.DbSystem, _system);
        span.SetTag(FotaTelemetry.Tags.DbOperation, operation);
        object? result;
        try
        {
            result = Call(method, args);
        }
        catch (Exception exception)
        {
            span.Fail(exception.GetType().Name);
            span.Dispose();
            throw;
        }
        finally
        {
            // StartActivity made the span current in this synchronous frame, which would leak into the caller's flow.
            Activity.Current = caller;
        }

        if (result is Task task)
        {
            task.ContinueWith(
                static (done, state) =>
                {
                    var finished = (Activity)state!;
                    if (done.IsFaulted)
                    {
                        finished.Fail(done.Exception!.InnerException!.GetType().Name);
                    }
                    else if (done.IsCanceled)
                    {
                        finished.Fail("cancelled");
                    }

                    finished.Dispose();
                },
                span,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            span.Dispose();
        }

        return result;
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
