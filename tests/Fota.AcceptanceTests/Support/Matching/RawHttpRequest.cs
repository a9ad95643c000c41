namespace Fota.AcceptanceTests.Support.Matching;

// Local stand-in with the shape of MockNrfCloud.Client.Parsing.RawHttpRequest, until the mock's parser lands on main.
public sealed record RawHttpRequest(string Method, string Path, string Query, string? HttpVersion, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string? GetHeader(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
