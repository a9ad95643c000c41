namespace MockNrfCloud.Abstractions;

/// <summary>Input to the mock was rejected (for example an unparsable request line or raw response).
/// <see cref="ArgumentException.ParamName"/> names the parameter; <see cref="Problem"/> says what is wrong.
/// Thrown the same way by the in-process and the HTTP implementation.</summary>
public sealed class MockNrfCloudInputException(string paramName, string problem)
    : ArgumentException(problem, paramName)
{
    /// <summary>What is wrong, without the parameter suffix of <see cref="ArgumentException.Message"/>.</summary>
    public string Problem { get; } = problem;
}
