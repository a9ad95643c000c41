using System.Text.Json;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;

namespace Fota.AcceptanceTests.Support;

/// <summary>
/// Variables per feature folder, from <c>features/folder-variables.json</c> (copied next to the test assembly, so it
/// applies in-process and deployed, to <c>.feature</c> and <c>.feature.md</c> alike): every feature in a listed
/// folder or below it gets that folder's variables, after the suite's own (<c>APIURL</c>, …) and before its first
/// step. Values may use <c>${…}</c>, resolved against the variables as they were before the folder's, so
/// <c>"APIURL": "${APIURL}/v2"</c> points the folder's features at the /v2 API. Deeper folders apply last.
/// </summary>
public static class FolderVariables
{
    public const string FileName = "folder-variables.json";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> FromFile = new(() =>
    {
        var file = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : new Dictionary<string, IReadOnlyDictionary<string, string>>();
    });

    /// <summary>Applies the folder variables of <c>features/folder-variables.json</c> for a feature in <paramref name="featureFolder"/>.</summary>
    public static void Apply(string featureFolder, ScenarioVariables variables) => Apply(FromFile.Value, featureFolder, variables);

    public static void Apply(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> folders, string featureFolder, ScenarioVariables variables)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(featureFolder);
        ArgumentNullException.ThrowIfNull(variables);
        var folder = featureFolder.Replace('\\', '/').TrimEnd('/');
        foreach (var (_, values) in folders.Where(entry => Contains(entry.Key, folder)).OrderBy(entry => entry.Key.Length))
        {
            var resolved = values.Select(pair => (pair.Key, Value: variables.Substitute(pair.Value))).ToList();
            foreach (var (name, value) in resolved)
            {
                variables.Set(name, value);
            }
        }
    }

    /// <summary><c>{ "features/v2": { "APIURL": "${APIURL}/v2" } }</c>; a bad file fails naming it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?.AsObject()
                ?? throw new JsonException("the file is empty");
            return root
                .Where(entry => !entry.Key.StartsWith('$'))
                .ToDictionary(
                    entry => entry.Key.Replace('\\', '/').TrimEnd('/'),
                    entry => (IReadOnlyDictionary<string, string>)(entry.Value?.AsObject() ?? throw new JsonException($"'{entry.Key}' has no variables"))
                        .ToDictionary(variable => variable.Key, variable => variable.Value?.GetValue<string>() ?? "", StringComparer.Ordinal),
                    StringComparer.Ordinal);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"features/{FileName}: every folder maps variable names to strings: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"features/{FileName} must map feature folders to variables ({{ \"features/v2\": {{ \"APIURL\": \"${{APIURL}}/v2\" }} }}): {e.Message}", e);
        }
    }

    private static bool Contains(string folder, string featureFolder) =>
        featureFolder == folder || featureFolder.StartsWith(folder + "/", StringComparison.Ordinal);
}
