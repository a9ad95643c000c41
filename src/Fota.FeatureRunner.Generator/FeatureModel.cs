using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner.Generator;

/// <summary>What the test class of one feature file consists of: names, traits, skips and the lines of every step.</summary>
internal sealed class FeatureModel
{
    public const string IgnoreTag = "ignore";

    private FeatureModel(FeatureInput input, string displayPath, string @namespace, string className, string language)
    {
        Input = input;
        DisplayPath = displayPath;
        Namespace = @namespace;
        ClassName = className;
        Language = language;
    }

    public FeatureInput Input { get; }

    /// <summary>The path relative to <c>FeatureRunnerRoot</c>, with forward slashes: <c>features/DeviceFota.feature</c>.</summary>
    public string DisplayPath { get; }

    public string Namespace { get; }

    public string ClassName { get; }

    public string Language { get; }

    public string Title { get; private set; } = "";

    public bool NonParallelizable { get; private set; }

    public IReadOnlyList<ParseProblem> Problems { get; private set; } = Array.Empty<ParseProblem>();

    public List<ScenarioModel> Scenarios { get; } = new();

    /// <summary>The feature's place in the ordered group of Markdown features (needs/order), or null.</summary>
    public int? Rank { get; private set; }

    /// <summary>The paths (as <see cref="DisplayPath"/>) of the features its front matter <c>needs</c>, in that order.</summary>
    public IReadOnlyList<string> Needs { get; private set; } = Array.Empty<string>();

    /// <summary>Why every scenario of the feature is skipped (front matter run: never/only), or null.</summary>
    public string? SkipReason { get; private set; }

    public static FeatureModel Build(FeatureInput input, GeneratorSettings settings, FeatureGraph graph)
    {
        var displayPath = DisplayPathOf(input.Path, settings.Root);
        var folders = displayPath.Split('/');
        var @namespace = string.Join(".", new[] { settings.RootNamespace }
            .Concat(folders.Take(folders.Length - 1).Select(Identifiers.Pascal)));
        var className = ParsedFeature.IsMarkdown(displayPath)
            ? Identifiers.Pascal(System.IO.Path.GetFileName(displayPath).Substring(0, System.IO.Path.GetFileName(displayPath).Length - ".feature.md".Length)) + "MarkdownFeature"
            : Identifiers.Pascal(System.IO.Path.GetFileNameWithoutExtension(displayPath)) + "Feature";
        var model = new FeatureModel(input, displayPath, @namespace, className, settings.Language);

        var parsed = ParsedFeature.Parse(input.Text, displayPath, settings.Language);
        if (parsed.Feature is not { } feature)
        {
            model.Problems = parsed.Problems;
            return model;
        }

        if (graph.ProblemOf(input.Path) is { } problem)
        {
            model.Problems = new[] { new ParseProblem(1, 1, problem) };
            return model;
        }

        model.Rank = graph.RankOf(input.Path);
        model.Needs = graph.NeedsOf(input.Path).Select(need => DisplayPathOf(need.Path, settings.Root)).ToList();
        model.SkipReason = graph.SkipReasonOf(input.Path);
        model.Title = feature.Feature.Name;
        var featureTags = feature.Feature.Tags.Select(tag => tag.Name.TrimStart('@')).ToList();
        model.NonParallelizable = featureTags.Any(tag => settings.NonParallelizableTags.Contains(tag, StringComparer.OrdinalIgnoreCase));

        var methodNames = new HashSet<string>(StringComparer.Ordinal) { className, "Definition", "Fixture" };
        for (var index = 0; index < feature.Pickles.Count; index++)
        {
            var pickle = feature.Pickles[index];
            var tags = ParsedFeature.TagNames(pickle.Tags);
            var example = feature.ExampleOf(pickle);
            var baseName = Identifiers.Pascal(feature.AstScenario(pickle).Name);
            if (example is not null)
            {
                var examplesName = example.Examples.Name.Trim().Length > 0 ? Identifiers.Pascal(example.Examples.Name) : "Examples";
                var row = example.Examples.TableBody.IndexOf(example.Row) + 1;
                baseName = $"{baseName}_{examplesName}_{row}";
            }

            model.Scenarios.Add(new ScenarioModel(
                index,
                Identifiers.Unique(baseName, methodNames),
                ScenarioNaming.For(feature, pickle),
                tags,
                tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase),
                feature.LineOf(pickle),
                pickle.Steps.Select(step => feature.AstStep(step).Location.Line).ToList()));
        }

        return model;
    }

    /// <summary><c>a/b/../c</c> → <c>a/c</c>, with forward slashes (paths from MSBuild globs keep their <c>..</c>).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != "." && (part.Length > 0 || parts.Count == 0))
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }

    private static string DisplayPathOf(string path, string root)
    {
        var file = Normalize(path);
        var folder = Normalize(root).TrimEnd('/') + "/";
        if (root.Length > 0 && file.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
        {
            return file.Substring(folder.Length);
        }

        var slash = file.LastIndexOf('/');
        return slash < 0 ? file : file.Substring(slash + 1);
    }
}

/// <summary>One test: a pickle (scenario or outline example row) of the feature.</summary>
internal sealed class ScenarioModel(int pickleIndex, string methodName, string displayName, IReadOnlyList<string> tags, bool ignored, long line, IReadOnlyList<long> stepLines)
{
    public int PickleIndex { get; } = pickleIndex;

    public string MethodName { get; } = methodName;

    public string DisplayName { get; } = displayName;

    public IReadOnlyList<string> Tags { get; } = tags;

    public bool Ignored { get; } = ignored;

    public long Line { get; } = line;

    public IReadOnlyList<long> StepLines { get; } = stepLines;
}
