namespace MockNrfCloud.Abstractions.Matching;

/// <summary>The request method, ignoring case.</summary>
public sealed class MethodMatcher(string method) : IRequestFacetMatcher
{
    public string Method { get; } = method.ToUpperInvariant();

    public bool IsMatch(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Differences(RecordedRequest request) =>
        IsMatch(request) ? [] : [$"method: expected {Method} but was {request.Method}"];
}
