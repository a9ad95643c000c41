namespace Fota.AcceptanceTests.Support;

/// <summary>
/// A step failed on purpose (as opposed to a bug in the suite): an expectation on the service's response, on what nRF
/// Cloud was called with, on a WebSocket, an undefined variable, or retries that ran out. The message says what was
/// expected and what was seen; the runner shows it under the Gherkin step that failed. One type: nothing tells the kinds
/// apart but their messages.
/// </summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException()
    {
    }

    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
