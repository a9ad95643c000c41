using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit.Sdk;

namespace Fota.FeatureRunner.Plugin;

/// <summary>Maps Reqnroll's pending, inconclusive and ignore outcomes to xUnit v3.</summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new ScenarioPendingException(message);

    public void TestInconclusive(string message) => throw new ScenarioInconclusiveException(message);

    public void TestIgnore(string message) => Assert.Skip(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException ? ScenarioExecutionStatus.Skipped : null;
}
