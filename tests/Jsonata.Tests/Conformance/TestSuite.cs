using System.Text.Json.Nodes;

namespace Jsonata.Tests.Conformance;

/// <summary>One case of the shared jsonata-test-suite.</summary>
public sealed record SuiteCase(string Id, string Group, JsonObject Definition)
{
    public string Expression(string groupDir) =>
        Definition["expr"]?.GetValue<string>()
        ?? File.ReadAllText(Path.Combine(groupDir, Definition["expr-file"]!.GetValue<string>()));
}

/// <summary>Locates and loads <c>../shared/jsonata-test-suite</c> next to the repository root (the folder holding Fota.sln).</summary>
public static class TestSuite
{
    private static readonly Lazy<string?> RootDir = new(FindSuite);
    private static readonly Lazy<IReadOnlyList<SuiteCase>> AllCases = new(LoadCases);
    private static readonly Dictionary<string, JsonNode?> Datasets = [];
    private static readonly Lock DatasetLock = new();

    public static string? Root => RootDir.Value;

    public static string MissingMessage =>
        "jsonata-test-suite not found: expected ../shared/jsonata-test-suite next to the folder containing Fota.sln";

    public static IReadOnlyList<SuiteCase> Cases => AllCases.Value;

    private static string? FindSuite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fota.sln")))
            {
                var suite = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "jsonata-test-suite"));
                return Directory.Exists(Path.Combine(suite, "groups")) ? suite : null;
            }
        }

        return null;
    }

    private static List<SuiteCase> LoadCases()
    {
        var result = new List<SuiteCase>();
        if (Root == null)
        {
            return result;
        }

        foreach (var groupDir in Directory.GetDirectories(Path.Combine(Root, "groups")).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(groupDir);
            foreach (var file in Directory.GetFiles(groupDir, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var node = JsonNode.Parse(File.ReadAllText(file));
                if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        result.Add(new SuiteCase($"{group}/{name}[{i}]", group, (JsonObject)array[i]!));
                    }
                }
                else
                {
                    result.Add(new SuiteCase($"{group}/{name}", group, (JsonObject)node!));
                }
            }
        }

        return result;
    }

    public static string GroupDir(string group) => Path.Combine(Root!, "groups", group);

    public static JsonNode? Dataset(string name)
    {
        lock (DatasetLock)
        {
            if (!Datasets.TryGetValue(name, out var node))
            {
                node = JsonNode.Parse(File.ReadAllText(Path.Combine(Root!, "datasets", name + ".json")));
                Datasets[name] = node;
            }

            return node?.DeepClone();
        }
    }
}
