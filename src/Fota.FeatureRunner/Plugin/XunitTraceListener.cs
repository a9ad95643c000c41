using Reqnroll.Tracing;

namespace Fota.FeatureRunner.Plugin;

/// <summary>Reqnroll's per-step trace and output helper lines, written to the xUnit test output.</summary>
internal sealed class XunitTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => ScenarioOutput.WriteLine(message);

    public void WriteToolOutput(string message) => ScenarioOutput.WriteLine($"-> {message}");
}
