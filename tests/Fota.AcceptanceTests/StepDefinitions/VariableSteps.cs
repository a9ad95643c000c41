using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class VariableSteps(ScenarioVariables variables)
{
    [StepDefinition(@"^I have a random UUIDv4 in `([^`]+)`$")]
    public void StoreUuid(string name) => variables.Set(name, Guid.NewGuid().ToString());

    /// <summary>Evaluates the JSONata expression (after substituting ${…}) against the variables and stores the result.</summary>
    [StepDefinition(@"^I store `([^`]+)` into `([^`]+)`$")]
    public void StoreExpression(string expression, string name)
    {
        JsonNode? value = variables.Evaluate(variables.Substitute(expression));
        variables.Set(name, value);
    }

    /// <summary>The variable, as text, equals the value (after substituting ${…}): e.g. what features/folder-variables.json set.</summary>
    [StepDefinition(@"^the variable `([^`]+)` should be `([^`]+)`$")]
    public void VariableIs(string name, string expected) =>
        variables.GetString(name).Should().Be(variables.Substitute(expected), $"that is the value of `{name}` for this feature");
}
