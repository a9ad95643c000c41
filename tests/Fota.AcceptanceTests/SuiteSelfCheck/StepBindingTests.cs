using System.Reflection;
using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;
using Reqnroll;

namespace Fota.AcceptanceTests.SuiteSelfCheck;

/// <summary>Every step written in features/ is bound by exactly one step definition, with a parameter for its doc string or table.</summary>
/// <remarks>Here, beside the step definitions it reflects over, so that no test project references this one.</remarks>
[Trait("Category", "suite-self")]
public sealed class StepBindingTests
{
    private static readonly List<(Regex Pattern, MethodInfo Method)> Bindings = typeof(Fota.AcceptanceTests.StepDefinitions.ApiSteps).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<BindingAttribute>() is not null)
        .SelectMany(type => type.GetMethods())
        .SelectMany(method => method.GetCustomAttributes<StepDefinitionBaseAttribute>().Select(attribute => (new Regex(attribute.Expression!), method)))
        .ToList();

    public static TheoryData<string, int, string, bool> FeatureSteps()
    {
        var data = new TheoryData<string, int, string, bool>();
        var features = Path.Combine(RepositoryRoot(), "features");
        foreach (var file in Directory.EnumerateFiles(features, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = new Parser().Parse(file);
            foreach (var (line, text, hasArgument) in Steps(document.Feature.Children))
            {
                data.Add(Path.GetFileName(file), line, text, hasArgument);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FeatureSteps))]
    public void Each_feature_step_has_exactly_one_binding(string file, int line, string text, bool hasArgument)
    {
        var matches = Bindings.Where(binding => binding.Pattern.IsMatch(text)).ToList();

        matches.Should().ContainSingle($"{file}:{line} '{text}' must be bound exactly once");
        var (pattern, method) = matches[0];
        // Reqnroll passes only the groups that took part in the match (an unmatched optional group is no argument).
        var arguments = pattern.Match(text).Groups.Cast<Group>().Skip(1).Count(group => group.Success);
        var expectedParameters = arguments + (hasArgument ? 1 : 0);
        method.GetParameters().Should().HaveCount(expectedParameters, $"{method.Name} binds {file}:{line} with{(hasArgument ? string.Empty : "out")} a doc string or table");
    }

    [Fact]
    public void The_features_use_every_binding()
    {
        var texts = FeatureSteps().Select(row => (string)row.Data.Item3).ToList();

        Bindings.Where(binding => !texts.Any(binding.Pattern.IsMatch)).Select(binding => binding.Method.Name)
            .Should().BeEmpty("every step of the vocabulary is exercised by a feature");
    }

    /// <summary>Every step of Backgrounds, Scenarios and Rules; a Scenario Outline's steps once per Examples row, with the row's values.</summary>
    private static IEnumerable<(int Line, string Text, bool HasArgument)> Steps(IEnumerable<IHasLocation> children)
    {
        foreach (var child in children)
        {
            switch (child)
            {
                case Rule rule:
                    foreach (var step in Steps(rule.Children))
                    {
                        yield return step;
                    }

                    break;
                case Scenario { Examples: var examples } scenario when examples.Any():
                    foreach (var table in examples)
                    {
                        var names = table.TableHeader.Cells.Select(cell => cell.Value).ToList();
                        foreach (var row in table.TableBody)
                        {
                            foreach (var step in scenario.Steps)
                            {
                                var text = step.Text;
                                foreach (var (name, cell) in names.Zip(row.Cells))
                                {
                                    text = text.Replace($"<{name}>", cell.Value, StringComparison.Ordinal);
                                }

                                yield return (step.Location.Line, text, step.Argument is DocString or Gherkin.Ast.DataTable);
                            }
                        }
                    }

                    break;
                case StepsContainer container:
                    foreach (var step in container.Steps)
                    {
                        yield return (step.Location.Line, step.Text, step.Argument is DocString or Gherkin.Ast.DataTable);
                    }

                    break;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Fota.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No Fota.sln above " + AppContext.BaseDirectory);
    }
}
