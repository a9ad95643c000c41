using Fota.FeatureRunner.Execution;

namespace Fota.FeatureRunner;

/// <summary>
/// Ends Reqnroll's test run (last feature, [AfterTestRun] hooks, formatters writing the living
/// documentation) when xUnit has run every test of the assembly. Register it in the test assembly:
/// <c>[assembly: AssemblyFixture(typeof(FeatureRunFixture))]</c>.
/// </summary>
public sealed class FeatureRunFixture : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await ReqnrollSession.EndAllAsync();
}
