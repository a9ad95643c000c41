namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// Method and path of a request, the facets every request matcher starts with (the queue's keys, the journal's
/// filters and "called with"): a <see cref="MethodMatcher"/> and a <see cref="PathMatcher"/>; null = any.
/// </summary>
public sealed class RequestTarget
{
    private readonly MethodMatcher? _method;
    private readonly PathMatcher? _path;

    public RequestTarget(string? method, string? path)
    {
        _method = method is null ? null : new MethodMatcher(method);
        _path = path is null ? null : new PathMatcher(path);
    }

    /// <summary>The method in upper case, or null for any.</summary>
    public string? Method => _method?.Method;

    /// <summary>The normalised path, or null for any.</summary>
    public string? Path => _path?.Path;

    public bool Matches(RecordedRequest request) =>
        (_method?.IsMatch(request) ?? true) && (_path?.IsMatch(request) ?? true);

    public override string ToString() => $"{Method ?? "*"} {Path ?? "*"}";
}
