using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Expressions;
using Fota.FeatureRunner;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The variables of one scenario (plus <c>APIURL</c>), and the substitution of <c>${expr}</c> in
/// step text and doc strings against them.
/// In a story (a BDD-Markdown feature) its scenarios share one instance, as the dialect shares its context.
/// </summary>
[SharedInStory]
public sealed class ScenarioVariables
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toldInThisStep = new(StringComparer.Ordinal);
    private readonly Lock _toldLock = new();

    public IReadOnlyDictionary<string, JsonNode?> Values => _values;

    public void Set(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _values[name] = value;
    }

    public void Set(string name, string value) => Set(name, JsonValue.Create(value));

    public string GetString(string name) =>
        _values.TryGetValue(name, out var value) ? Placeholders.AsText(value) : throw new StepFailedException($"Variable `{name}` is not defined.");

    /// <summary>Evaluates a JSONata expression against the variables; fails when it is undefined or uses an undefined variable.</summary>
    public JsonNode? Evaluate(string expression) => StepExpressions.EvaluateAgainstVariables(expression, _values);

    /// <summary>Told <c>${expr} = value</c> for every substitution, so the living documentation shows what a step resolved to.</summary>
    public Action<string>? Resolved { get; set; }

    /// <summary>
    /// A new step begins: <see cref="Resolved"/> hears each <c>${expr} = value</c> once per step, though a step's text
    /// is substituted again on every retry attempt and a URL and its doc string may name the same variable.
    /// </summary>
    public void StartStep()
    {
        lock (_toldLock)
        {
            _toldInThisStep.Clear();
        }
    }

    /// <summary>Substitutes <c>${expr}</c> in plain text.</summary>
    public string Substitute(string text) => Placeholders.InText(text, EvaluateAndTell);

    /// <summary>Substitutes <c>${expr}</c> and <c>"$number{expr}"</c> in a JSON doc string.</summary>
    public string SubstituteJson(string text) => Placeholders.InJson(text, EvaluateAndTell);

    /// <summary>
    /// Whether the expression names a credential (<c>adminToken</c>, <c>nrfCloudApiKey</c>, …): the living documentation is
    /// published, and in deployed mode these are the environment's real secrets.
    /// </summary>
    private static bool IsSecret(string expression) =>
        SecretWords.Any(word => expression.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] SecretWords = ["token", "key", "secret", "password"];

    private JsonNode? EvaluateAndTell(string expression)
    {
        var value = Evaluate(expression);
        if (Resolved is { } resolved)
        {
            var line = $"${{{expression}}} = {Shown(expression, Placeholders.AsText(value))}";
            bool first;
            lock (_toldLock)
            {
                first = _toldInThisStep.Add(line);
            }

            if (first)
            {
                resolved(line);
            }
        }

        return value;
    }

    /// <summary>What the report shows of a substituted value: never a credential, at most 200 characters of anything else.</summary>
    private static string Shown(string expression, string text) =>
        IsSecret(expression) ? $"(secret, {text.Length} characters, not shown)"
        : text.Length > 200 ? text[..200] + "…"
        : text;
}
