namespace Fota.FeatureRunner;

/// <summary>
/// A scenario's failure as the user needs to read it: which Gherkin step (text and file:line) or which
/// hook failed, followed by the original message. The original exception is the inner exception.
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
        : base(message, innerException)
    {
    }
}
