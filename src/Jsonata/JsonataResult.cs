using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>The outcome of an evaluation: JSONata distinguishes "undefined" (no value) from JSON null.</summary>
public readonly record struct JsonataResult(bool IsUndefined, JsonNode? Value)
{
    public static JsonataResult Undefined => new(true, null);

    public static JsonataResult Of(JsonNode? value) => new(false, value);
}
