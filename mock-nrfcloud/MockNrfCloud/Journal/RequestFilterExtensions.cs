using MockNrfCloud.Client;

namespace MockNrfCloud.Journal;

internal static class RequestFilterExtensions
{
    /// <summary>Null filter fields match anything; the API key compares exactly, the method ignoring case, the path exactly.</summary>
    public static bool Matches(this RequestFilter filter, string apiKey, RecordedRequest request) =>
        (filter.ApiKey is null || filter.ApiKey == apiKey)
        && (filter.Method is null || string.Equals(filter.Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && (filter.Path is null || filter.Path == request.Path);
}
