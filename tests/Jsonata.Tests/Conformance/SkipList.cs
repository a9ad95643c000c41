namespace Jsonata.Tests.Conformance;

/// <summary>
/// THE list of suite cases this engine does not support, with the reason. A key is a group name
/// (every case of the group) or a case id ("group/case012"). Cases not listed here must pass.
/// </summary>
public static class SkipList
{
    public static readonly IReadOnlyDictionary<string, string> Entries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static string? ReasonFor(SuiteCase c) =>
        Entries.TryGetValue(c.Id, out var reason) ? reason
        : Entries.TryGetValue(c.Group, out var groupReason) ? groupReason
        : null;
}
