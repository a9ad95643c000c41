using Fota.Testing;

namespace Jsonata.Tests.Conformance;

public class ConformanceSummaryTests
{
    [Fact]
    public void Summary()
    {
        if (TestSuite.Root == null)
        {
            VisibleSkip.Because(TestSuite.MissingMessage);
        }

        var report = ConformanceSummary.Result;
        var text = report.Render();

        // Diagnostic messages reach plain `dotnet test` output because xunit.runner.json sets diagnosticMessages.
        foreach (var line in text.Split('\n'))
        {
            TestContext.Current.SendDiagnosticMessage(line.Trim());
        }

        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("JSONATA_FAILURES") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, report.Failures.Prepend(text));
        }

        report.Failed.Should().Be(0, "every case not on the skip list must pass:\n" + string.Join("\n", report.Failures.Take(50)));
    }
}
