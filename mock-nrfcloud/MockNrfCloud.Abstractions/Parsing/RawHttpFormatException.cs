namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>Raw HTTP text (a request or a response written by a test) is malformed.
/// The message names the 1-based line and the problem.</summary>
public sealed class RawHttpFormatException : FormatException
{
    public RawHttpFormatException(int lineNumber, string problem)
        : base($"Line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The 1-based line the problem was found on.</summary>
    public int LineNumber { get; }

    /// <summary>The problem without the line prefix.</summary>
    public string Problem { get; }
}
