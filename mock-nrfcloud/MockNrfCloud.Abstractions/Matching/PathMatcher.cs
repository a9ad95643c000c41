namespace MockNrfCloud.Abstractions.Matching;

/// <summary>The request path, exactly, both sides normalised by <see cref="RequestPaths.Normalize"/> (the mock records normalised paths).</summary>
public sealed class PathMatcher(string path) : IRequestFacetMatcher
{
    public string Path { get; } = RequestPaths.Normalize(path);

    public bool IsMatch(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(Path, request.Path, StringComparison.Ordinal);
    }

    public IEnumerable<string> Differences(RecordedRequest request) =>
        IsMatch(request) ? [] : [$"path: expected {Path} but was {request.Path}"];
}
