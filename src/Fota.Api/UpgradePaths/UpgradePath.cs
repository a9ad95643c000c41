using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fota.Api.DeviceStates;
using Fota.Api.Jobs;
using Semver;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// An upgrade path (SPEC §2.10): per version or npm-style range the device may report, the bundle that upgrades it one
/// step, in the order written. Ranges are the <c>Semver</c> library's npm ranges.
/// </summary>
public sealed partial class UpgradePath
{
    public const int MaxEntries = 20;
    public const string KeyPattern = "^(<|<=|>|>=)?[0-9]+\\.[0-9]+\\.[0-9]+\\z";

    private readonly IReadOnlyList<Entry> _entries;

    private UpgradePath(IReadOnlyList<Entry> entries) => _entries = entries;

    /// <summary>The entries as written (key → bundle id), in their order.</summary>
    public OrderedDictionary<string, string> Entries => new(_entries.Select(entry => KeyValuePair.Create(entry.Key, entry.BundleId)));

    /// <summary>The bundle of the first entry whose range <paramref name="version"/> satisfies; null when none does (or the version is not one).</summary>
    public string? BundleFor(string version) =>
        SemVersion.TryParse(version, SemVersionStyles.Any, out var parsed)
            ? _entries.FirstOrDefault(entry => entry.Range.Contains(parsed))?.BundleId
            : null;

    /// <summary>The target a bundle of type <c>APP</c>, <c>MODEM</c> or <c>MDM_FULL</c> upgrades; null for any other type.</summary>
    public static FotaTarget? TargetOf(string bundleId) => bundleId.Split('*')[0] switch
    {
        "APP" => FotaTarget.App,
        "MODEM" or "MDM_FULL" => FotaTarget.Modem,
        _ => null,
    };

    public static string Name(FotaTarget target) => target == FotaTarget.App ? "app" : "modem";

    /// <summary>Reads <c>upgradePath</c> for <paramref name="target"/>; null after adding every problem, each naming <c>upgradePath</c>, to <paramref name="errors"/>.</summary>
    public static UpgradePath? Read(JsonNode? node, FotaTarget target, List<string> errors)
    {
        if (node is not JsonObject json)
        {
            errors.Add("upgradePath: is required, an object of version or range (e.g. \">=2.0.0\") → bundle id");
            return null;
        }

        var before = errors.Count;
        if (json.Count is 0 or > MaxEntries)
        {
            errors.Add($"upgradePath: must have 1 to {MaxEntries} entries, has {json.Count}");
        }

        var entries = new List<Entry>();
        foreach (var (key, value) in json)
        {
            var bundleId = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (!KeyRegex().IsMatch(key) || !SemVersionRange.TryParseNpm(key, out var range))
            {
                errors.Add($"upgradePath: the key \"{key}\" is not a version or range, must match {KeyPattern}");
                continue;
            }

            if (bundleId is null || !FotaEndpoints.IsBundleId(bundleId))
            {
                errors.Add($"upgradePath: the value of \"{key}\" must be a bundle id matching {FotaEndpoints.BundleIdPattern}");
                continue;
            }

            if (TargetOf(bundleId) != target)
            {
                errors.Add($"upgradePath: the bundle of \"{key}\" is not a bundle of target {Name(target)}");
                continue;
            }

            entries.Add(new Entry(key, bundleId, range));
        }

        return errors.Count == before ? new UpgradePath(entries) : null;
    }

    /// <summary>The path as stored (a JSON object, entries in order).</summary>
    public string Serialize() => JsonSerializer.Serialize(Entries, UpgradePathJsonContext.Default.OrderedDictionaryStringString);

    /// <summary>A path as <see cref="Serialize"/> wrote it (validated when it was scheduled).</summary>
    public static UpgradePath Deserialize(string stored)
    {
        var entries = JsonSerializer.Deserialize(stored, UpgradePathJsonContext.Default.OrderedDictionaryStringString)
            ?? throw new InvalidOperationException("A stored upgrade path is not a JSON object.");
        return new UpgradePath(entries.Select(entry => new Entry(entry.Key, entry.Value, SemVersionRange.ParseNpm(entry.Key))).ToList());
    }

    [GeneratedRegex(KeyPattern, RegexOptions.CultureInvariant)]
    private static partial Regex KeyRegex();

    private sealed record Entry(string Key, string BundleId, SemVersionRange Range);
}
