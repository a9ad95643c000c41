namespace Fota.FeatureRunner.Plugin;

/// <summary>
/// Where Reqnroll's step trace and <c>IReqnrollOutputHelper</c> lines go: the output helper given to the
/// running scenario, else xUnit's current test output.
/// </summary>
internal static class ScenarioOutput
{
    private static readonly AsyncLocal<ITestOutputHelper?> Current = new();

    /// <summary>An <see cref="ITestOutputHelper"/> for bindings when no test is running: it writes where the trace goes.</summary>
    public static ITestOutputHelper Helper { get; } = new ForwardingHelper();

    public static IDisposable Use(ITestOutputHelper? output)
    {
        var previous = Current.Value;
        Current.Value = output;
        return new Restore(previous);
    }

    public static void WriteLine(string message)
    {
        var output = Current.Value ?? TestContext.Current.TestOutputHelper;
        try
        {
            output?.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // No test is running (e.g. an [AfterTestRun] hook): xUnit has nowhere to put the line.
        }
    }

    private sealed class Restore(ITestOutputHelper? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class ForwardingHelper : ITestOutputHelper
    {
        public string Output => "";

        public void Write(string message) => WriteLine(message);

        public void Write(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void WriteLine(string message) => ScenarioOutput.WriteLine(message);

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
