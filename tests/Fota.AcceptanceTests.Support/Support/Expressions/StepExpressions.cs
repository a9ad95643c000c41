using System.Text.Json.Nodes;
using Jsonata;

namespace Fota.AcceptanceTests.Support.Expressions;

/// <summary>Evaluates JSONata for the steps, turning "undefined" and engine errors into messages a reader understands.</summary>
public static class StepExpressions
{
    /// <summary>
    /// Evaluates <paramref name="expression"/> against <paramref name="variables"/> (as the input object,
    /// and also as <c>$name</c> bindings). Fails naming any top-level name that is not a variable, and when
    /// the result is undefined.
    /// </summary>
    public static JsonNode? EvaluateAgainstVariables(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var missing = ReferencedNames.Of(expression).Where(name => !variables.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new StepFailedException(
                $"`{expression}` references undefined variable(s) {string.Join(", ", missing.Select(m => $"`{m}`"))}; "
                + $"defined: {string.Join(", ", variables.Keys.Order(StringComparer.Ordinal))}");
        }

        var input = new JsonObject();
        foreach (var (name, value) in variables)
        {
            input[name] = value?.DeepClone();
        }

        var result = Evaluate(expression, input, variables);
        if (result.IsUndefined)
        {
            throw new StepFailedException($"`{expression}` evaluated to nothing (undefined) against the variables {string.Join(", ", variables.Keys.Order(StringComparer.Ordinal))}");
        }

        return result.Value;
    }

    /// <summary>Evaluates <paramref name="expression"/> against a JSON document (e.g. a response body).</summary>
    public static JsonataResult Evaluate(string expression, JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null)
    {
        try
        {
            return JsonataExpression.Parse(expression).Evaluate(input, bindings);
        }
        catch (JsonataException e)
        {
            throw new InvalidOperationException($"JSONata `{expression}` failed: {e.Message}", e);
        }
    }
}
