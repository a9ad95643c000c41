namespace Fota.FeatureRunner;

/// <summary>
/// A scenario's failure as a person reads it: which Gherkin step (text and file:line) or which hook failed,
/// then the original message, once. The original exception is <see cref="Cause"/>, deliberately not the inner
/// exception: test runners print inner exceptions' messages again. The stack trace is the cause's (where the
/// binding threw) followed by the generated test's, whose frame is the step's line in the .feature file.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    public ScenarioFailedException()
    {
    }

    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    public ScenarioFailedException(string message, Exception innerException)
        : base(message)
    {
        Cause = innerException;
    }

    /// <summary>The exception the binding, hook or Reqnroll threw.</summary>
    public Exception? Cause { get; }

    public override string? StackTrace =>
        Cause?.StackTrace is { Length: > 0 } cause
            ? cause + Environment.NewLine + "--- the scenario ---" + Environment.NewLine + base.StackTrace
            : base.StackTrace;
}
