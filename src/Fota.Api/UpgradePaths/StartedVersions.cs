using System.Text.Json;

namespace Fota.Api.UpgradePaths;

/// <summary>The versions a job started a step from (SPEC §3.6 loop detection), stored as a JSON array of strings.</summary>
public static class StartedVersions
{
    public const string None = "[]";

    public static IReadOnlyList<string> Read(string stored) =>
        JsonSerializer.Deserialize(stored, UpgradePathJsonContext.Default.ListString) ?? [];

    public static string Add(string stored, string version) =>
        JsonSerializer.Serialize([.. Read(stored), version], UpgradePathJsonContext.Default.ListString);
}
