using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Parsing;

/// <summary>BDD-Markdown features (<c>*.feature.md</c>) and the story semantics they rely on.</summary>
internal sealed partial class ParsedFeature
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NoDirectives =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _stepDirectives =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);

    /// <summary>The front matter of a Markdown feature (none for Gherkin).</summary>
    public FrontMatter FrontMatter { get; private set; } = FrontMatter.None;

    /// <summary>
    /// A story (every Markdown feature; a Gherkin feature tagged <c>@story</c>): its Background runs once, before the
    /// first scenario; its scenarios run in order and share the feature's state; after a failing scenario the rest
    /// are skipped.
    /// </summary>
    public bool IsStory => Feature.Tags.Any(tag => tag.Name == MarkdownFeatureReader.StoryTag);

    public static bool IsMarkdown(string path) => path.EndsWith(".feature.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The directives (<c>@retry:…</c>) in effect for a step: front matter, then its scenario's, then its own.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> DirectivesOf(PickleStep step) =>
        _stepDirectives.TryGetValue(step.AstNodeIds[0], out var directives) ? directives : NoDirectives;

    private static ParseResult ParseMarkdown(string text, string displayPath)
    {
        var ids = new PrefixedIdGenerator(displayPath);
        var markdown = MarkdownFeatureReader.Read(text, displayPath, ids);
        if (markdown.Document is not { } document)
        {
            return new ParseResult(null, markdown.Problems);
        }

        var pickles = new PickleCompiler(ids).Compile(document);
        // The report renders the Gherkin document; its lines are the Markdown file's.
        var source = new Source(displayPath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var feature = new ParsedFeature(displayPath, source, document, BackgroundOnce(document, pickles))
        {
            FrontMatter = markdown.FrontMatter,
            _stepDirectives = markdown.StepDirectives,
        };
        return new ParseResult(feature, Array.Empty<ParseProblem>());
    }

    /// <summary>A story runs its Background once: the first scenario's pickle keeps the Background steps, the others lose them.</summary>
    private static IReadOnlyList<Pickle> BackgroundOnce(GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        if (!document.Feature.Tags.Any(tag => tag.Name == MarkdownFeatureReader.StoryTag))
        {
            return pickles;
        }

        var backgroundSteps = new HashSet<string>(
            document.Feature.Children.Where(child => child.Background is not null).SelectMany(child => child.Background.Steps).Select(step => step.Id),
            StringComparer.Ordinal);
        return pickles
            .Select((pickle, index) => index == 0 || backgroundSteps.Count == 0
                ? pickle
                : new Pickle(pickle.Id, pickle.Uri, pickle.Name, pickle.Language,
                    pickle.Steps.Where(step => !backgroundSteps.Contains(step.AstNodeIds[0])).ToList(), pickle.Tags, pickle.AstNodeIds))
            .ToList();
    }
}
