using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Fota.FeatureRunner.Discovery;

/// <summary>
/// A feature file turned into Cucumber messages: the source, the Gherkin document and its pickles
/// (Background, Rule and Scenario Outline already expanded by Gherkin's pickle compiler).
/// </summary>
internal sealed class ParsedFeature
{
    private readonly Dictionary<string, Step> _stepsById = [];
    private readonly Dictionary<string, Scenario> _scenariosById = [];
    private readonly Dictionary<string, Rule> _rulesByScenarioId = [];
    private readonly Dictionary<string, (Examples Examples, TableRow Row)> _exampleRowsById = [];

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

    /// <summary>Parses a feature file; throws <see cref="FeatureParseException"/> naming file:line when it is broken.</summary>
    public static ParsedFeature Parse(string absolutePath, string displayPath)
    {
        var text = File.ReadAllText(absolutePath);
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException e)
        {
            throw new FeatureParseException(displayPath, e.Errors.Select(error => Describe(displayPath, error)));
        }
        catch (ParserException e)
        {
            throw new FeatureParseException(displayPath, [Describe(displayPath, e)]);
        }

        var ids = new PrefixedIdGenerator(displayPath);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, displayPath);
        if (document.Feature is null)
        {
            throw new FeatureParseException(displayPath, [$"{displayPath}:1: the file has no Feature"]);
        }

        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Source(displayPath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return new ParsedFeature(displayPath, source, document, pickles);
    }

    public Step AstStep(PickleStep step) => _stepsById[step.AstNodeIds[0]];

    public Scenario AstScenario(Pickle pickle) => _scenariosById[pickle.AstNodeIds[0]];

    public Rule? RuleOf(Pickle pickle) => _rulesByScenarioId.GetValueOrDefault(pickle.AstNodeIds[0]);

    /// <summary>The example row a pickle was made from, if it comes from a Scenario Outline.</summary>
    public (Examples Examples, TableRow Row)? ExampleOf(Pickle pickle) =>
        pickle.AstNodeIds.Count > 1 && _exampleRowsById.TryGetValue(pickle.AstNodeIds[^1], out var example)
            ? example
            : null;

    /// <summary>Tags of a pickle without the <c>@</c> (feature, rule, scenario and examples tags).</summary>
    public static IReadOnlyList<string> TagNames(IEnumerable<PickleTag> tags) =>
        tags.Select(tag => tag.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList();

    private static string Describe(string displayPath, ParserException error) =>
        error.Location is { } location
            ? $"{displayPath}:{location.Line}: {error.Message}"
            : $"{displayPath}: {error.Message}";

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
                _exampleRowsById[row.Id] = (examples, row);
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
