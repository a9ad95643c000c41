using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Parsing;

/// <summary>
/// A feature file turned into Cucumber messages: the source, the Gherkin document and its pickles
/// (Background, Rule and Scenario Outline already expanded by Gherkin's pickle compiler).
/// Compiled into the generator and the runtime alike, so both see the same pickles in the same order.
/// </summary>
internal sealed partial class ParsedFeature
{
    private readonly Dictionary<string, Step> _stepsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Scenario> _scenariosById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rule> _rulesByScenarioId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExampleRow> _exampleRowsById = new(StringComparer.Ordinal);

    private ParsedFeature(string displayPath, Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        DisplayPath = displayPath;
        Source = source;
        Document = document;
        Pickles = pickles;
        Index(document.Feature);
    }

    /// <summary>The path shown to users and used as the message uri, e.g. <c>features/DeviceFota.feature</c>.</summary>
    public string DisplayPath { get; }

    public Source Source { get; }

    public GherkinDocument Document { get; }

    public Feature Feature => Document.Feature;

    public IReadOnlyList<Pickle> Pickles { get; }

    /// <summary>
    /// Parses feature text; <paramref name="language"/> is the language of files without a <c># language:</c> line
    /// (a culture name such as <c>de-DE</c> falls back to its language, <c>de</c>).
    /// </summary>
    public static ParseResult Parse(string text, string displayPath, string language)
    {
        if (IsMarkdown(displayPath))
        {
            return ParseMarkdown(text, displayPath);
        }

        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(Dialects(language)));
        }
        catch (CompositeParserException e)
        {
            return new ParseResult(null, e.Errors.Select(ProblemOf).ToList());
        }
        catch (ParserException e)
        {
            return new ParseResult(null, new[] { ProblemOf(e) });
        }

        var ids = new PrefixedIdGenerator(displayPath);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, displayPath);
        if (document.Feature is null)
        {
            return new ParseResult(null, new[] { new ParseProblem(1, 1, "the file has no Feature") });
        }

        var pickles = BackgroundOnce(document, new PickleCompiler(ids).Compile(document));
        var source = new Source(displayPath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return new ParseResult(new ParsedFeature(displayPath, source, document, pickles), Array.Empty<ParseProblem>());
    }

    public Step AstStep(PickleStep step) => _stepsById[step.AstNodeIds[0]];

    public Scenario AstScenario(Pickle pickle) => _scenariosById[pickle.AstNodeIds[0]];

    public Rule? RuleOf(Pickle pickle) => _rulesByScenarioId.TryGetValue(pickle.AstNodeIds[0], out var rule) ? rule : null;

    /// <summary>The example row a pickle was made from, if it comes from a Scenario Outline.</summary>
    public ExampleRow? ExampleOf(Pickle pickle) =>
        pickle.AstNodeIds.Count > 1 && _exampleRowsById.TryGetValue(pickle.AstNodeIds[pickle.AstNodeIds.Count - 1], out var example)
            ? example
            : null;

    /// <summary>The line a pickle starts at: its example row, else its scenario.</summary>
    public long LineOf(Pickle pickle) => ExampleOf(pickle)?.Row.Location.Line ?? AstScenario(pickle).Location.Line;

    /// <summary>Tags of a pickle without the <c>@</c> (feature, rule, scenario and examples tags).</summary>
    public static IReadOnlyList<string> TagNames(IEnumerable<PickleTag> tags) =>
        tags.Select(tag => tag.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList();

    private static GherkinDialectProvider Dialects(string language)
    {
        foreach (var candidate in new[] { language, language.Split('-')[0] })
        {
            try
            {
                var provider = new GherkinDialectProvider(candidate);
                _ = provider.DefaultDialect;
                return provider;
            }
            catch (NoSuchLanguageException)
            {
                // try the next candidate
            }
        }

        return new GherkinDialectProvider("en");
    }

    private static ParseProblem ProblemOf(ParserException error)
    {
        var message = error.Message;
        if (error.Location is { } location)
        {
            // Gherkin's message starts with "(line:column): "; the location is reported separately.
            var prefix = $"({location.Line}:{location.Column}): ";
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                message = message.Substring(prefix.Length);
            }

            return new ParseProblem(location.Line, Math.Max(location.Column, 1), message);
        }

        return new ParseProblem(1, 1, message);
    }

    private void Index(Feature feature)
    {
        foreach (var child in feature.Children)
        {
            if (child.Background is { } background)
            {
                IndexSteps(background.Steps);
            }

            if (child.Scenario is { } scenario)
            {
                IndexScenario(scenario, rule: null);
            }

            if (child.Rule is { } rule)
            {
                foreach (var ruleChild in rule.Children)
                {
                    if (ruleChild.Background is { } ruleBackground)
                    {
                        IndexSteps(ruleBackground.Steps);
                    }

                    if (ruleChild.Scenario is { } ruleScenario)
                    {
                        IndexScenario(ruleScenario, rule);
                    }
                }
            }
        }
    }

    private void IndexScenario(Scenario scenario, Rule? rule)
    {
        _scenariosById[scenario.Id] = scenario;
        if (rule is not null)
        {
            _rulesByScenarioId[scenario.Id] = rule;
        }

        IndexSteps(scenario.Steps);
        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _exampleRowsById[row.Id] = new ExampleRow(examples, row);
            }
        }
    }

    private void IndexSteps(IEnumerable<Step> steps)
    {
        foreach (var step in steps)
        {
            _stepsById[step.Id] = step;
        }
    }
}

/// <summary>An outline example: its Examples block and its row.</summary>
internal sealed class ExampleRow(Examples examples, TableRow row)
{
    public Examples Examples { get; } = examples;

    public TableRow Row { get; } = row;
}

/// <summary>A parser error at a 1-based line and column.</summary>
internal sealed class ParseProblem(long line, long column, string message)
{
    public long Line { get; } = line;

    public long Column { get; } = column;

    public string Message { get; } = message;
}

/// <summary>The parsed feature, or why the text does not parse.</summary>
internal sealed class ParseResult(ParsedFeature? feature, IReadOnlyList<ParseProblem> problems)
{
    public ParsedFeature? Feature { get; } = feature;

    public IReadOnlyList<ParseProblem> Problems { get; } = problems;
}
