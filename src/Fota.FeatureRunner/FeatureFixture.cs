using Fota.FeatureRunner.Execution;
using Fota.FeatureRunner.Stories;
using Reqnroll;

namespace Fota.FeatureRunner;

/// <summary>
/// The feature of one generated test class (its xUnit class fixture): a Reqnroll test runner of its own,
/// the feature started before its first scenario that runs (so [BeforeFeature] hooks never run for a feature
/// whose scenarios are all ignored) and ended after its last. Features run in parallel, each on its own runner.
/// </summary>
public sealed class FeatureFixture<TFeature> : IAsyncDisposable
    where TFeature : ICompiledFeature
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FeatureDefinition _definition = TFeature.Definition;
    private ITestRunner? _runner;
    private Exception? _startFailure;
    private string? _storyStoppedAt;
    private StoryScope? _story;

    /// <summary>Starts a scenario (pickle) of the feature; the generated test then runs its steps.</summary>
    public async Task<ScenarioRun> StartScenarioAsync(int pickleIndex)
    {
        var feature = _definition.Parsed;
        var runner = await RunnerAsync(feature);
        var skip = _storyStoppedAt is { } failed
            ? $"Skipped: the story stopped at its failing scenario {failed}"
            : FeatureOutcomes.FailedNeed(_definition) is { } need ? $"Skipped: {need}" : null;
        if (skip is not null)
        {
            await SkippedScenario.SkipAsync(runner, feature, pickleIndex, skip);
        }

        if (feature.IsStory)
        {
            _story ??= new StoryScope();
        }

        return await ScenarioRun.StartAsync(runner, feature, pickleIndex, output: null, story: _story, failed: scenario =>
        {
            FeatureOutcomes.Failed(_definition, scenario);
            if (feature.IsStory)
            {
                _storyStoppedAt ??= scenario;
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_runner is { } runner)
            {
                _runner = null;
                try
                {
                    await runner.OnFeatureEndAsync();
                }
                finally
                {
                    TestRunnerManager.ReleaseTestRunner(runner);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private async Task<ITestRunner> RunnerAsync(Parsing.ParsedFeature feature)
    {
        await _gate.WaitAsync();
        try
        {
            if (_runner is null)
            {
                var assembly = typeof(TFeature).Assembly;
                await ReqnrollSession.For(assembly).EnsureStartedAsync();
                var info = FeatureInfos.ForReport(feature, Reporting.ReportTitles.For(assembly, feature));
                _runner = TestRunnerManager.GetTestRunnerForAssembly(assembly, featureHint: info);
                try
                {
                    await _runner.OnFeatureStartAsync(info);
                }
                catch (Exception e)
                {
                    // The feature is not started twice: every scenario of it fails with this.
                    _startFailure = e;
                }
            }

            if (_startFailure is not null)
            {
                throw new ScenarioFailedException(
                    $"Feature failed before its first scenario (a [BeforeFeature] hook?): {_definition.Path}{Environment.NewLine}{_startFailure.Message}",
                    _startFailure);
            }

            return _runner;
        }
        finally
        {
            _gate.Release();
        }
    }
}
