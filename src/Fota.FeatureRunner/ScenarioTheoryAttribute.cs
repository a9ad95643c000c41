using System.Runtime.CompilerServices;
using Fota.FeatureRunner.Discovery;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>
/// A theory whose test cases are named exactly <c>Feature: Scenario</c>: xUnit's own theories append the
/// arguments to the display name (<c>Name(scenario: …)</c>), which repeats the name.
/// </summary>
[XunitTestCaseDiscoverer(typeof(ScenarioTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioTheoryAttribute(
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : TheoryAttribute(sourceFilePath, sourceLineNumber)
{
}
