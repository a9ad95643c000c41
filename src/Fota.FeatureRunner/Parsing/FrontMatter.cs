using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fota.FeatureRunner.Parsing;

/// <summary>
/// The YAML front matter of a BDD-Markdown feature (between <c>---</c> lines at the top of the file):
/// <c>exampleContext</c> (example values of the context, shown in the report), <c>needs</c> (titles of features
/// that must run first), <c>order</c> (<c>first</c>/<c>last</c>), <c>run</c> (<c>never</c>/<c>only</c>) and
/// <c>retry</c> (the feature's <c>@retry</c> directive). Other keys are kept out of the way, as the dialect allows.
/// </summary>
internal sealed class FrontMatter
{
    public static readonly FrontMatter None = new();

    public IReadOnlyList<KeyValuePair<string, string>> ExampleContext { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

    public IReadOnlyList<string> Needs { get; private set; } = Array.Empty<string>();

    /// <summary><c>first</c>, <c>last</c> or empty.</summary>
    public string Order { get; private set; } = "";

    /// <summary><c>never</c>, <c>only</c> or empty.</summary>
    public string Run { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Retry { get; private set; } = new Dictionary<string, string>();

    /// <summary>Reads the front matter whose YAML starts at 1-based <paramref name="firstLine"/> of the file.</summary>
    public static FrontMatter Read(string yaml, int firstLine, List<ParseProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            problems.Add(new ParseProblem(firstLine + e.Start.Line - 1, Math.Max(e.Start.Column, 1), $"front matter is not YAML: {e.Message}"));
            return None;
        }

        var result = new FrontMatter();
        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(Problem(stream.Documents[0].RootNode, firstLine, "front matter must be a mapping (key: value)"));
            return result;
        }

        foreach (var entry in root.Children)
        {
            var key = ((YamlScalarNode)entry.Key).Value ?? "";
            switch (key)
            {
                case "exampleContext" when entry.Value is YamlMappingNode context:
                    result.ExampleContext = context.Children
                        .Select(pair => new KeyValuePair<string, string>(Scalar(pair.Key), Scalar(pair.Value)))
                        .ToList();
                    break;
                case "needs":
                    result.Needs = entry.Value switch
                    {
                        YamlSequenceNode list => list.Children.Select(Scalar).ToList(),
                        YamlScalarNode one => new[] { one.Value ?? "" },
                        _ => Array.Empty<string>(),
                    };
                    if (result.Needs.Any(title => title.Trim().Length == 0))
                    {
                        problems.Add(Problem(entry.Value, firstLine, "needs: list the titles of the features this one needs"));
                    }

                    break;
                case "order":
                    result.Order = OneOf(entry.Value, firstLine, problems, "order", "first", "last");
                    break;
                case "run":
                    // The dialect's grammar allows run: first|last too; they mean what order: says.
                    var run = OneOf(entry.Value, firstLine, problems, "run", "never", "only", "first", "last");
                    if (run is "first" or "last")
                    {
                        result.Order = run;
                    }
                    else
                    {
                        result.Run = run;
                    }

                    break;
                case "retry" when entry.Value is YamlMappingNode retry:
                    result.Retry = retry.Children.ToDictionary(pair => Scalar(pair.Key), pair => Scalar(pair.Value), StringComparer.Ordinal);
                    break;
                case "variants":
                    problems.Add(Problem(entry.Key, firstLine, "variants are not supported by this runner (run the feature once per variant by copying it)"));
                    break;
                case "exampleContext" or "retry":
                    problems.Add(Problem(entry.Value, firstLine, $"{key} must be a mapping (key: value)"));
                    break;
            }
        }

        return result;
    }

    private static string OneOf(YamlNode node, int firstLine, List<ParseProblem> problems, string key, params string[] allowed)
    {
        var value = node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        problems.Add(Problem(node, firstLine, $"{key}: expected one of {string.Join(", ", allowed)}, got '{value}'"));
        return "";
    }

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : node.ToString();

    private static ParseProblem Problem(YamlNode node, int firstLine, string message) =>
        new(firstLine + node.Start.Line - 1, Math.Max(node.Start.Column, 1), message);
}
