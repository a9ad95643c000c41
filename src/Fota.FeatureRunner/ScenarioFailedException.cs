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

    /// <summary>The binding's frames, then the generated test's frame at the .feature line; Reqnroll's, reflection's and the runner's own frames are left out.</summary>
    public override string? StackTrace =>
        Cause?.StackTrace is { Length: > 0 } cause
            ? string.Join(Environment.NewLine, UserFrames(cause).Concat(UserFrames(base.StackTrace)))
            : base.StackTrace;

    /// <summary>The frames of a stack trace that are not Reqnroll's, the runtime's or the runner's own.</summary>
    internal static IEnumerable<string> UserFrames(string? trace) =>
        (trace ?? "").Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0
                && !line.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                && !line.Contains(" at Reqnroll.", StringComparison.Ordinal)
                && !line.Contains(" at System.Runtime.", StringComparison.Ordinal)
                && !line.Contains(" at System.Reflection.", StringComparison.Ordinal)
                && !line.Contains(" at InvokeStub_", StringComparison.Ordinal)
                && !line.Contains(" at System.Threading.", StringComparison.Ordinal)
                && !line.Contains(" at Fota.FeatureRunner.ScenarioRun.", StringComparison.Ordinal));
}
