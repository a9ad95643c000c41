using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Parsing;

/// <summary>
/// Reads a BDD-Markdown feature (<c>*.feature.md</c>) into the Gherkin document Reqnroll and the report know, keeping
/// every element's Markdown line: front matter, <c># Title</c> and its <c>&gt;</c> description, <c>## Background</c>,
/// <c>## Scenario</c> headings (the keyword is optional), steps as paragraphs that start with Given/When/Then/And/Soon
/// (wrapped lines are one step), a fenced code block after a step as its doc string (the language is its media
/// type), a table after a step as its data table, and <c>&lt;!-- --&gt;</c> comments whose <c>@tags</c> become
/// Gherkin tags (<c>@name</c>) or directives (<c>@name:key=value</c>) of the next heading or step.
/// <c>Soon X</c> is <c>Then soon X</c>; <c>And</c> continues the keyword before it, so <c>And X</c> after a
/// <c>Soon</c> step is <c>And soon X</c>.
/// </summary>
internal sealed class MarkdownFeatureReader
{
    /// <summary>The tag every Markdown feature gets: a feature is one story (see ParsedFeature.IsStory).</summary>
    public const string StoryTag = "@story";

    private static readonly string[] StepWords = ["Given", "When", "Then", "And", "Soon"];
    private static readonly string[] HeadingKeywords = ["Feature", "Background", "Scenario", "Example"];
    private static readonly string[] UnsupportedKeywords = ["Rule", "Scenario Outline", "Scenario Template", "Examples"];

    private readonly string[] _lines;
    private readonly IIdGenerator _ids;
    private readonly List<ParseProblem> _problems = [];
    private readonly List<Comment> _comments = [];
    private readonly List<FeatureChild> _children = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _stepDirectives = new(StringComparer.Ordinal);
    private readonly List<(string Text, int Line)> _pendingComments = [];
    private FrontMatter _frontMatter = FrontMatter.None;
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _featureDirectives = Empty;
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _scenarioDirectives = Empty;
    private List<Step>? _steps;
    private Func<List<Step>, FeatureChild>? _close;
    private int _stepsOwnerLine;
    private bool _previousWasSoon;
    private int _index;

    private MarkdownFeatureReader(string text, IIdGenerator ids)
    {
        _lines = text.Replace("\r\n", "\n").Split('\n');
        _ids = ids;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Empty { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>Reads the text; on problems the document is null.</summary>
    public static MarkdownFeature Read(string text, string uri, IIdGenerator ids)
    {
        var reader = new MarkdownFeatureReader(text, ids);
        var document = reader.ReadDocument(uri);
        return reader._problems.Count > 0
            ? new MarkdownFeature(null, FrontMatter.None, reader._stepDirectives, reader._problems)
            : new MarkdownFeature(document, reader._frontMatter, reader._stepDirectives, reader._problems);
    }

    private string Line => _lines[_index];

    private int LineNumber => _index + 1;

    private GherkinDocument? ReadDocument(string uri)
    {
        ReadFrontMatter();
        Feature? feature = null;
        while (_index < _lines.Length && _problems.Count == 0)
        {
            var trimmed = Line.Trim();
            if (trimmed.Length == 0)
            {
                _index++;
            }
            else if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                ReadComment();
            }
            else if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                feature = ReadHeading(feature);
            }
            else if (feature is null)
            {
                Fail(LineNumber, 1, "expected the feature's title (# Title) first");
            }
            else if (StepWords.Contains(FirstWord(trimmed), StringComparer.Ordinal))
            {
                ReadStep();
            }
            else
            {
                Fail(LineNumber, Column(Line), $"Unexpected step: {FirstWord(trimmed)}, expected one of {string.Join(",", StepWords)}! (a step is a paragraph that starts with one of them)");
            }
        }

        CloseSteps();
        if (_problems.Count > 0)
        {
            return null;
        }

        if (feature is null)
        {
            Fail(1, 1, "No feature found in source (# Title)");
            return null;
        }

        if (!_children.Any(child => child.Scenario is not null))
        {
            Fail((int)feature.Location.Line, 1, "Features must define at least one scenario (## Title).");
            return null;
        }

        var complete = new Feature(feature.Location, feature.Tags, feature.Language, feature.Keyword, feature.Name, feature.Description, _children);
        return new GherkinDocument(uri, complete, _comments);
    }

    private void ReadFrontMatter()
    {
        if (_lines.Length == 0 || _lines[0].TrimEnd() != "---")
        {
            return;
        }

        var end = Array.FindIndex(_lines, 1, line => line.TrimEnd() == "---");
        if (end < 0)
        {
            Fail(1, 1, "front matter is not closed with ---");
            _index = _lines.Length;
            return;
        }

        _frontMatter = FrontMatter.Read(string.Join("\n", _lines.Skip(1).Take(end - 1)), 2, _problems);
        if (_frontMatter.Retry.Count > 0)
        {
            _featureDirectives = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal) { ["retry"] = _frontMatter.Retry };
        }

        _index = end + 1;
    }

    private void ReadComment()
    {
        var start = LineNumber;
        var column = Column(Line);
        var text = new List<string>();
        while (_index < _lines.Length)
        {
            var line = Line;
            text.Add(line);
            _index++;
            if (line.Contains("-->"))
            {
                var all = string.Join("\n", text).Trim();
                _comments.Add(new Comment(new Location(start, column), all));
                _pendingComments.Add((all.Substring(4, all.IndexOf("-->", StringComparison.Ordinal) - 4).Trim(), start));
                return;
            }
        }

        Fail(start, column, "Comment not closed with -->");
    }

    private Feature? ReadHeading(Feature? feature)
    {
        var line = Line;
        var column = Column(line);
        var trimmed = line.Trim();
        var level = trimmed.TakeWhile(c => c == '#').Count();
        if (trimmed.Length > level && trimmed[level] != ' ')
        {
            Fail(LineNumber, column + level, $"Expected \" \" after {new string('#', level)}, got \"{trimmed[level]}\".");
            return feature;
        }

        var heading = trimmed.Substring(level).Trim();
        var (keyword, name) = Keyword(heading, level);
        var location = new Location(LineNumber, column);
        var tags = TakeTags();
        _index++;
        if (UnsupportedKeywords.Contains(keyword, StringComparer.Ordinal))
        {
            Fail(location, $"{keyword} is not supported in .feature.md by this runner (write the feature in Gherkin, or one scenario per case)");
            return feature;
        }

        if (!HeadingKeywords.Contains(keyword, StringComparer.Ordinal))
        {
            Fail(location, $"Unknown keyword '{keyword}' (a heading is # Feature title, ## Background or ## Scenario title; the keyword is optional)");
            return feature;
        }

        if (level == 1)
        {
            if (feature is not null || keyword != "Feature")
            {
                Fail(location, feature is not null ? "Only one feature (# Title) per file." : "Must specify a feature as the first element!");
                return feature;
            }

            var description = string.Join("\n", new[] { ReadDescription(), ExampleContextDescription() }.Where(part => part.Length > 0));
            var featureTags = new[] { new Tag(location, StoryTag, _ids.GetNewId()) }.Concat(tags.Tags).ToList();
            _featureDirectives = Directives.Merge(_featureDirectives, tags.Directives);
            return new Feature(location, featureTags, "en", "Feature", name, description, []);
        }

        if (feature is null)
        {
            Fail(location, "Must specify a feature as the first element!");
            return null;
        }

        if (level != 2 || keyword == "Feature")
        {
            Fail(location, $"Expected ## Background or ## Scenario title here (level 2), got {new string('#', level)} {heading}");
            return feature;
        }

        CloseSteps();
        var scenarioDescription = ReadDescription();
        _steps = [];
        _stepsOwnerLine = (int)location.Line;
        _previousWasSoon = false;
        if (keyword == "Background")
        {
            if (_children.Any(child => child.Background is not null) || _children.Any(child => child.Scenario is not null))
            {
                Fail(location, _children.Any(child => child.Background is not null) ? "Must only define one Background per feature." : "The Background must come before the first scenario.");
                return feature;
            }

            _scenarioDirectives = Empty;
            var id = _ids.GetNewId();
            _close = steps => new FeatureChild(null, new Background(location, "Background", name, scenarioDescription, steps, id), null);
        }
        else
        {
            _scenarioDirectives = tags.Directives;
            var id = _ids.GetNewId();
            _close = steps => new FeatureChild(null, null, new Scenario(location, tags.Tags, keyword, name, scenarioDescription, steps, [], id));
        }

        return feature;
    }

    /// <summary><c>Scenario: X</c> → (Scenario, X); <c>Background</c> → (Background, ""); <c>X</c> → the level's keyword.</summary>
    private static (string Keyword, string Name) Keyword(string heading, int level)
    {
        var colon = heading.IndexOf(':');
        if (colon >= 0)
        {
            return (heading.Substring(0, colon).Trim(), heading.Substring(colon + 1).Trim());
        }

        if (HeadingKeywords.Contains(heading, StringComparer.Ordinal) || UnsupportedKeywords.Contains(heading, StringComparer.Ordinal))
        {
            return (heading, "");
        }

        return (level == 1 ? "Feature" : "Scenario", heading);
    }

    /// <summary>Block-quoted lines (<c>&gt; …</c>) after a heading, blank lines between quoted paragraphs allowed.</summary>
    private string ReadDescription()
    {
        var lines = new List<string>();
        while (true)
        {
            var next = _index;
            while (next < _lines.Length && _lines[next].Trim().Length == 0)
            {
                next++;
            }

            if (next >= _lines.Length || !_lines[next].TrimStart().StartsWith(">", StringComparison.Ordinal))
            {
                return string.Join("\n", lines).Trim();
            }

            if (lines.Count > 0 && next > _index)
            {
                lines.Add("");
            }

            _index = next;
            while (_index < _lines.Length && Line.TrimStart().StartsWith(">", StringComparison.Ordinal))
            {
                var quoted = Line.TrimStart().Substring(1);
                lines.Add(quoted.StartsWith(" ", StringComparison.Ordinal) ? quoted.Substring(1) : quoted);
                _index++;
            }
        }
    }

    private string ExampleContextDescription() =>
        _frontMatter.ExampleContext.Count == 0
            ? ""
            : "\nExample context (example values of the variables):\n"
              + string.Join("\n", _frontMatter.ExampleContext.Select(pair => $"- {pair.Key}: {pair.Value}"));

    private void ReadStep()
    {
        if (_steps is null)
        {
            Fail(LineNumber, Column(Line), "A step must follow a ## Background or ## Scenario heading.");
            return;
        }

        var location = new Location(LineNumber, Column(Line));
        var directives = TakeTags().Directives;
        var paragraph = new List<string>();
        while (_index < _lines.Length && IsParagraphLine(Line, paragraph.Count == 0))
        {
            paragraph.Add(Line.Trim());
            _index++;
        }

        var title = string.Join(" ", paragraph);
        var word = FirstWord(title);
        var text = title.Substring(word.Length).Trim();
        if (text.Length == 0)
        {
            Fail(location, "Incomplete step definition!");
            return;
        }

        if (word == "And" && _steps.Count == 0)
        {
            Fail(location, "Encountered And step without preceding specifying keyword.");
            return;
        }

        var soon = word == "Soon" || (word == "And" && _previousWasSoon);
        _previousWasSoon = soon;
        var (keyword, type) = word switch
        {
            "Given" => ("Given ", StepKeywordType.CONTEXT),
            "When" => ("When ", StepKeywordType.ACTION),
            "Then" or "Soon" => ("Then ", StepKeywordType.OUTCOME),
            _ => ("And ", StepKeywordType.CONJUNCTION),
        };
        var docString = ReadCodeBlock();
        var table = docString is null ? ReadTable() : null;
        var step = new Step(location, keyword, type, soon ? "soon " + text : text, docString, table, _ids.GetNewId());
        _steps.Add(step);
        _stepDirectives[step.Id] = Directives.Merge(Directives.Merge(_featureDirectives, _scenarioDirectives), directives);
    }

    /// <summary>Markdown paragraphs end at a blank line; a fence, table, comment or heading also ends a step's title.</summary>
    private static bool IsParagraphLine(string line, bool first)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0
            && (first || !(trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("|", StringComparison.Ordinal)
                || trimmed.StartsWith("<!--", StringComparison.Ordinal) || trimmed.StartsWith("#", StringComparison.Ordinal)));
    }

    private DocString? ReadCodeBlock()
    {
        var next = SkipBlank();
        if (next >= _lines.Length || !_lines[next].TrimStart().StartsWith("```", StringComparison.Ordinal))
        {
            return null;
        }

        var fence = _lines[next];
        var indent = fence.Length - fence.TrimStart().Length;
        var location = new Location(next + 1, indent + 1);
        var language = fence.Trim().Substring(3).Trim();
        var end = Array.FindIndex(_lines, next + 1, line => line.Trim() == "```");
        if (end < 0)
        {
            Fail(location, "Code block not closed with ```");
            _index = _lines.Length;
            return null;
        }

        var content = string.Join("\n", _lines.Skip(next + 1).Take(end - next - 1).Select(line => line.Length >= indent && line.Substring(0, indent).Trim().Length == 0 ? line.Substring(indent) : line.TrimStart()));
        _index = end + 1;
        return new DocString(location, language.Length > 0 ? language : null, content, "```");
    }

    /// <summary>A Markdown table: header, a separator row of dashes, rows with as many cells as the header.</summary>
    private DataTable? ReadTable()
    {
        var next = SkipBlank();
        if (next >= _lines.Length || !_lines[next].TrimStart().StartsWith("|", StringComparison.Ordinal))
        {
            return null;
        }

        _index = next;
        var rows = new List<TableRow>();
        var tableLocation = new Location(LineNumber, Column(Line));
        for (var row = 0; _index < _lines.Length && Line.TrimStart().StartsWith("|", StringComparison.Ordinal); row++, _index++)
        {
            var cells = Cells(Line);
            if (row == 1)
            {
                if (!cells.All(cell => cell.Value.Trim(':').Length > 0 && cell.Value.Trim(':').All(c => c == '-')))
                {
                    Fail(LineNumber, Column(Line), "Invalid table header separator (| --- | --- |).");
                    return null;
                }

                continue;
            }

            if (rows.Count > 0 && cells.Count != rows[0].Cells.Count)
            {
                Fail(LineNumber, Column(Line), $"Table row column count of {cells.Count} does not match table header count of {rows[0].Cells.Count}.");
                return null;
            }

            rows.Add(new TableRow(new Location(LineNumber, Column(Line)), cells, _ids.GetNewId()));
        }

        if (rows.Count < 1 || _index - next < 2)
        {
            Fail(tableLocation, "A table needs a header row and a separator row (| --- |).");
            return null;
        }

        return new DataTable(tableLocation, rows);
    }

    private List<TableCell> Cells(string line)
    {
        var cells = new List<TableCell>();
        var trimmed = line.TrimEnd();
        var start = line.IndexOf('|') + 1;
        while (start < trimmed.Length)
        {
            var end = trimmed.IndexOf('|', start);
            if (end < 0)
            {
                end = trimmed.Length;
            }

            var raw = trimmed.Substring(start, end - start);
            cells.Add(new TableCell(new Location(LineNumber, start + 1 + (raw.Length - raw.TrimStart().Length)), raw.Trim()));
            start = end + 1;
        }

        return cells;
    }

    private int SkipBlank()
    {
        var next = _index;
        while (next < _lines.Length && _lines[next].Trim().Length == 0)
        {
            next++;
        }

        return next;
    }

    /// <summary>The comments since the last heading or step: Gherkin tags and directives of what follows.</summary>
    private (List<Tag> Tags, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Directives) TakeTags()
    {
        var tags = new List<Tag>();
        var directives = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (text, line) in _pendingComments)
        {
            foreach (var (name, properties) in Directives.Parse(text))
            {
                if (properties is null)
                {
                    tags.Add(new Tag(new Location(line, 1), "@" + name, _ids.GetNewId()));
                }
                else
                {
                    directives[name] = properties;
                }
            }
        }

        _pendingComments.Clear();
        return (tags, directives);
    }

    /// <summary>Ends the Background or scenario being read (the message types copy their step lists, so it is made last).</summary>
    private void CloseSteps()
    {
        if (_steps is { Count: 0 } && _problems.Count == 0)
        {
            Fail(_stepsOwnerLine, 1, "Must define at least 1 step!");
        }

        if (_steps is not null && _close is not null)
        {
            _children.Add(_close(_steps));
        }

        _steps = null;
        _close = null;
    }

    private static string FirstWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? text : text.Substring(0, space);
    }

    private static int Column(string line) => line.Length - line.TrimStart().Length + 1;

    private void Fail(Location location, string message) => Fail((int)location.Line, (int)(location.Column ?? 1), message);

    private void Fail(int line, int column, string message)
    {
        _problems.Add(new ParseProblem(line, column, message));
        _index = _lines.Length;
    }
}

/// <summary>A Markdown feature read into a Gherkin document, with what Gherkin has no place for.</summary>
internal sealed class MarkdownFeature(
    GherkinDocument? document,
    FrontMatter frontMatter,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> stepDirectives,
    IReadOnlyList<ParseProblem> problems)
{
    public GherkinDocument? Document { get; } = document;

    public FrontMatter FrontMatter { get; } = frontMatter;

    /// <summary>The directives in effect for each step (by the step's message id): front matter, scenario, step.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> StepDirectives { get; } = stepDirectives;

    public IReadOnlyList<ParseProblem> Problems { get; } = problems;
}
