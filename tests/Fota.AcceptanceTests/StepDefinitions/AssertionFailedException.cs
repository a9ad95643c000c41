namespace Fota.AcceptanceTests.StepDefinitions;

/// <summary>A step's expectation was not met; the message says what was expected and what was seen.</summary>
public sealed class AssertionFailedException : Exception
{
    public AssertionFailedException()
    {
    }

    public AssertionFailedException(string message)
        : base(message)
    {
    }

    public AssertionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
