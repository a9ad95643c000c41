namespace MockNrfCloud.Abstractions.Matching;

/// <summary>How the journal applies a <see cref="RequestFilter"/>: the API key exactly, method and path as a <see cref="RequestTarget"/>.</summary>
public static class RequestFilterMatching
{
    public static RequestTarget Target(this RequestFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new RequestTarget(filter.Method, filter.Path);
    }

    /// <summary>Null filter fields match anything.</summary>
    public static bool Matches(this RequestFilter filter, string apiKey, RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.ApiKey is null || filter.ApiKey == apiKey) && filter.Target().Matches(request);
    }
}
