using Xunit.Sdk;

namespace Fota.FeatureRunner;

/// <summary>A scenario with a pending step: it fails, saying which step is pending.</summary>
public sealed class ScenarioPendingException : XunitException
{
    public ScenarioPendingException()
        : base("Pending")
    {
    }

    public ScenarioPendingException(string message)
        : base($"Pending: {message}")
    {
        ReqnrollMessage = message;
    }

    /// <summary>Reqnroll's own message (for an undefined step, the binding skeleton).</summary>
    public string ReqnrollMessage { get; } = "";

    public ScenarioPendingException(string message, Exception innerException)
        : base($"Pending: {message}", innerException)
    {
        ReqnrollMessage = message;
    }
}

/// <summary>A scenario Reqnroll reports inconclusive: it fails with Reqnroll's message.</summary>
public sealed class ScenarioInconclusiveException : XunitException
{
    public ScenarioInconclusiveException()
        : base("Inconclusive")
    {
    }

    public ScenarioInconclusiveException(string message)
        : base($"Inconclusive: {message}")
    {
    }

    public ScenarioInconclusiveException(string message, Exception innerException)
        : base($"Inconclusive: {message}", innerException)
    {
    }
}
