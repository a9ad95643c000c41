using System.Collections.Concurrent;
using System.Reflection;
using Reqnroll;

namespace Fota.FeatureRunner.Execution;

/// <summary>
/// Reqnroll's test run for one test assembly: started before the first feature starts ([BeforeTestRun] hooks
/// run once), ended by <see cref="FeatureRunFixture"/> after xUnit disposed every feature.
/// </summary>
internal sealed class ReqnrollSession(Assembly testAssembly)
{
    private static readonly ConcurrentDictionary<Assembly, ReqnrollSession> Sessions = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private Exception? _startFailure;

    public static ReqnrollSession For(Assembly testAssembly) => Sessions.GetOrAdd(testAssembly, assembly => new ReqnrollSession(assembly));

    public static async Task EndAllAsync()
    {
        foreach (var session in Sessions.Values)
        {
            await session.EndAsync();
        }
    }

    public async Task EnsureStartedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started && _startFailure is null)
            {
                try
                {
                    await TestRunnerManager.OnTestRunStartAsync(testAssembly);
                    _started = true;
                }
                catch (Exception e) when (!FeatureRunnerPlugin.Loaded)
                {
                    _startFailure = new InvalidOperationException(
                        $"Reqnroll did not load {nameof(FeatureRunnerPlugin)}: reference Fota.FeatureRunner.Generator as an analyzer "
                        + $"(it writes [assembly: Reqnroll.Plugins.RuntimePlugin(typeof({typeof(FeatureRunnerPlugin).FullName}))]) in {testAssembly.GetName().Name}.",
                        e);
                }
                catch (Exception e)
                {
                    _startFailure = new InvalidOperationException($"The Reqnroll test run did not start (a [BeforeTestRun] hook?): {e.Message}", e);
                }
            }

            if (_startFailure is not null)
            {
                throw _startFailure;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EndAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_started)
            {
                _started = false;
                await TestRunnerManager.OnTestRunEndAsync(testAssembly);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
