namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// Method and path of a request, the part every matcher compares: the queue's keys, the journal's filters and
/// "called with". A null method or path matches any. Methods compare ignoring case; paths exactly, both sides
/// normalised by <see cref="RequestPaths.Normalize"/>.
/// </summary>
public sealed record RequestTarget
{
    public RequestTarget(string? method, string? path)
    {
        Method = method?.ToUpperInvariant();
        Path = path is null ? null : RequestPaths.Normalize(path);
    }

    public string? Method { get; }

    /// <summary>The normalised path.</summary>
    public string? Path { get; }

    /// <summary>Whether a request with this method and (already normalised) path is one of this target's.</summary>
    public bool Matches(string method, string normalizedPath) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || string.Equals(Path, normalizedPath, StringComparison.Ordinal));

    public bool Matches(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Matches(request.Method, request.Path);
    }

    public override string ToString() => $"{Method ?? "*"} {Path ?? "*"}";
}
