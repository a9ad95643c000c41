namespace Fota.FeatureRunner;

/// <summary>A feature file that Gherkin's parser rejects; the message names file(line,col) for each error.</summary>
public sealed class FeatureParseException : Exception
{
    public FeatureParseException()
    {
    }

    public FeatureParseException(string message)
        : base(message)
    {
    }

    public FeatureParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
