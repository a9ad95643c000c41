using System.Collections.Concurrent;
using System.Reflection;
using Fota.FeatureRunner.Discovery;
using Reqnroll;

namespace Fota.FeatureRunner.Execution;

/// <summary>
/// Reqnroll's test run for one test assembly: started before the first scenario, ended by
/// <see cref="FeatureRunFixture"/>. Reported scenarios run one at a time on one test runner that keeps
/// its feature until a scenario of another feature arrives; the feature is ended then.
/// </summary>
internal sealed class ReqnrollSession(Assembly testAssembly)
{
    private static readonly ConcurrentDictionary<Assembly, ReqnrollSession> Sessions = new();

    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly SemaphoreSlim _reportedGate = new(1, 1);
    private bool _started;
    private Exception? _startFailure;
    private ITestRunner? _runner;
    private FeatureInfo? _feature;

    public static ReqnrollSession For(Assembly testAssembly) => Sessions.GetOrAdd(testAssembly, assembly => new ReqnrollSession(assembly));

    public static async Task EndAllAsync()
    {
        foreach (var session in Sessions.Values)
        {
            await session.EndAsync();
        }
    }

    /// <summary>Runs a scenario that appears in the living documentation.</summary>
    public async Task RunReportedAsync(ParsedFeature feature, int pickleIndex, bool ignored = false)
    {
        await EnsureStartedAsync();
        await _reportedGate.WaitAsync();
        try
        {
            var info = FeatureInfos.ForReport(feature);
            _runner ??= TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: info);
            if (!ReferenceEquals(_feature, info))
            {
                await EndCurrentFeatureAsync();
                _feature = info;
                await _runner.OnFeatureStartAsync(info);
            }

            await ScenarioExecution.RunAsync(_runner, feature, pickleIndex, ignored);
        }
        finally
        {
            _reportedGate.Release();
        }
    }

    /// <summary>Runs a scenario on a runner of its own, under a feature the formatters ignore.</summary>
    public async Task RunUnreportedAsync(ParsedFeature feature, int pickleIndex)
    {
        await EnsureStartedAsync();
        var info = FeatureInfos.Unreported(feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: info);
        try
        {
            if (runner.FeatureContext is not null)
            {
                await runner.OnFeatureEndAsync();
            }

            await runner.OnFeatureStartAsync(info);
            try
            {
                await ScenarioExecution.RunAsync(runner, feature, pickleIndex, ignored: false);
            }
            finally
            {
                await runner.OnFeatureEndAsync();
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private async Task EnsureStartedAsync()
    {
        await _startGate.WaitAsync();
        try
        {
            if (!_started && _startFailure is null)
            {
                try
                {
                    await TestRunnerManager.OnTestRunStartAsync(testAssembly);
                    _started = true;
                }
                catch (Exception e) when (e is System.Globalization.CultureNotFoundException)
                {
                    _startFailure = new InvalidOperationException(
                        "Reqnroll needs the feature language's culture (en-US); in globalization-invariant mode set "
                        + "<PredefinedCulturesOnly>false</PredefinedCulturesOnly> in the test project.",
                        e);
                }
                catch (Exception e) when (!FeatureRunnerPlugin.Loaded)
                {
                    _startFailure = new InvalidOperationException(
                        $"Reqnroll did not load {nameof(FeatureRunnerPlugin)}: add "
                        + $"[assembly: Reqnroll.Plugins.RuntimePlugin(typeof({typeof(FeatureRunnerPlugin).FullName}))] to {testAssembly.GetName().Name}.",
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
            _startGate.Release();
        }
    }

    private async Task EndCurrentFeatureAsync()
    {
        if (_runner is not null && _feature is not null)
        {
            _feature = null;
            await _runner.OnFeatureEndAsync();
        }
    }

    private async Task EndAsync()
    {
        await _reportedGate.WaitAsync();
        try
        {
            await EndCurrentFeatureAsync();
            if (_runner is not null)
            {
                TestRunnerManager.ReleaseTestRunner(_runner);
                _runner = null;
            }

            if (_started)
            {
                _started = false;
                await TestRunnerManager.OnTestRunEndAsync(testAssembly);
            }
        }
        finally
        {
            _reportedGate.Release();
        }
    }
}
