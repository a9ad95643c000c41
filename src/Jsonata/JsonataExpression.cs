using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>A parsed JSONata expression; parse once, evaluate many times (thread-safe).</summary>
public sealed class JsonataExpression
{
    private JsonataExpression(string source) => Source = source;

    public string Source { get; }

    /// <summary>Parses <paramref name="expression"/>; throws <see cref="JsonataException"/> on a syntax error.</summary>
    public static JsonataExpression Parse(string expression) =>
        throw new NotImplementedException("JSONata parser not written yet: " + expression);

    /// <summary>Evaluates against <paramref name="input"/> with optional variable bindings (names without '$').</summary>
    public JsonataResult Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        throw new NotImplementedException("JSONata evaluator not written yet: " + Source);
}
