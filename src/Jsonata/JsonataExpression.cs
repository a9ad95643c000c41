using System.Text.Json.Nodes;
using Jsonata.Engine;
using Jsonata.Functions;

namespace Jsonata;

/// <summary>A parsed JSONata expression; parse once, evaluate many times (thread-safe).</summary>
public sealed class JsonataExpression
{
    private readonly Node _ast;

    private JsonataExpression(string source, Node ast)
    {
        Source = source;
        _ast = ast;
    }

    public string Source { get; }

    /// <summary>Parses <paramref name="expression"/>; throws <see cref="JsonataException"/> on a syntax error.</summary>
    public static JsonataExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new JsonataExpression(expression, Parser.Parse(expression));
    }

    /// <summary>Evaluates against <paramref name="input"/> with optional variable bindings (names without '$').</summary>
    /// <remarks>A null <paramref name="input"/> means "no input" (JSONata undefined).</remarks>
    public JsonataResult Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        Evaluate(input, bindings, TimeProvider.System);

    /// <summary>Evaluates with a clock for <c>$now()</c> and <c>$millis()</c> (read once per evaluation).</summary>
    public JsonataResult Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = input is null ? null : ValueConversion.FromNode(input);
        return EvaluateValue(value, bindings, timeProvider);
    }

    internal JsonataResult EvaluateValue(
        object? value,
        IReadOnlyDictionary<string, JsonNode?>? bindings,
        TimeProvider timeProvider,
        int maxDepth = EvalState.DefaultMaxDepth,
        int timeLimitMilliseconds = 0)
    {
        var deadline = timeLimitMilliseconds > 0 ? Environment.TickCount64 + timeLimitMilliseconds : 0;
        var state = new EvalState(timeProvider.GetUtcNow(), maxDepth, deadline);
        var frame = new Frame(Library.Frame, state);
        if (bindings != null)
        {
            foreach (var kv in bindings)
            {
                frame.Bind(kv.Key, ValueConversion.FromNode(kv.Value));
            }
        }

        frame.Bind("$", value);
        if (value is JList list && !list.Sequence)
        {
            value = JList.Wrap(list);
        }

        var result = Evaluator.Evaluate(_ast, value, frame);
        return ValueConversion.TryToNode(result, out var node) ? JsonataResult.Of(node) : JsonataResult.Undefined;
    }

    public override string ToString() => Source;
}
