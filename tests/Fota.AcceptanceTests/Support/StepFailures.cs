namespace Fota.AcceptanceTests.Support;

// Every way a step fails on purpose. The message says what was expected and what was seen; the runner shows it
// under the Gherkin step that failed.

/// <summary>The base of the suite's step failures (as opposed to bugs in the suite).</summary>
public abstract class StepFailedException : Exception
{
    protected StepFailedException()
    {
    }

    protected StepFailedException(string message)
        : base(message)
    {
    }

    protected StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A step's expectation was not met.</summary>
public sealed class AssertionFailedException : StepFailedException
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

/// <summary>An assertion on the service's response failed; the message carries the response.</summary>
public sealed class ResponseAssertionException : StepFailedException
{
    public ResponseAssertionException()
    {
    }

    public ResponseAssertionException(string message)
        : base(message)
    {
    }

    public ResponseAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The service did not call nRF Cloud as expected; the message carries what the mock recorded.</summary>
public sealed class NrfCloudCallException : StepFailedException
{
    public NrfCloudCallException()
    {
    }

    public NrfCloudCallException(string message)
        : base(message)
    {
    }

    public NrfCloudCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An assertion that kept failing until its retries or budget ran out.</summary>
public sealed class RetriesExhaustedException : StepFailedException
{
    public RetriesExhaustedException()
    {
    }

    public RetriesExhaustedException(string message)
        : base(message)
    {
    }

    public RetriesExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A step used a variable the scenario does not have, or an expression that yields nothing.</summary>
public sealed class UndefinedVariableException : StepFailedException
{
    public UndefinedVariableException()
    {
    }

    public UndefinedVariableException(string message)
        : base(message)
    {
    }

    public UndefinedVariableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An expectation on a WebSocket was not met; the message lists what was received.</summary>
public sealed class WebSocketAssertionException : StepFailedException
{
    public WebSocketAssertionException()
    {
    }

    public WebSocketAssertionException(string message)
        : base(message)
    {
    }

    public WebSocketAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
