using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>
/// Compares JSON values and lists every difference with its path.
/// <see cref="Partial"/> (SPEC 5.5): expected objects are subsets of actual ones, recursively; arrays
/// match element by element with equal length; numbers by value; strings exactly.
/// <see cref="Exact"/>: the same, but objects must have the same keys (key order is ignored).
/// <see cref="PartialAnyOrder"/> (SPEC 5.5's exception, the upstream runner's rule for WebSocket messages): as
/// <see cref="Partial"/>, but an expected array matches when each of its elements matches some element of the actual
/// array (any order, extra elements allowed), at every depth.
/// </summary>
public static class JsonMatcher
{
    public static IReadOnlyList<string> Partial(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, extraKeysAllowed: true);

    public static IReadOnlyList<string> Exact(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, extraKeysAllowed: false);

    public static IReadOnlyList<string> PartialAnyOrder(JsonNode? expected, JsonNode? actual) =>
        Compare(expected, actual, extraKeysAllowed: true, anyOrderArrays: true);

    private static List<string> Compare(JsonNode? expected, JsonNode? actual, bool extraKeysAllowed, bool anyOrderArrays = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", extraKeysAllowed, differences, anyOrderArrays);
        return differences;
    }

    private static void Compare(
        JsonNode? expected, JsonNode? actual, string path, bool extraKeysAllowed, List<string> differences, bool anyOrderArrays = false)
    {
        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, expectedValue) in expectedObject)
                {
                    var childPath = JsonPaths.Property(path, name);
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        differences.Add($"{childPath}: expected {Show(expectedValue)} but was missing");
                        continue;
                    }

                    Compare(expectedValue, actualValue, childPath, extraKeysAllowed, differences, anyOrderArrays);
                }

                if (!extraKeysAllowed)
                {
                    foreach (var (name, actualValue) in actualObject)
                    {
                        if (!expectedObject.ContainsKey(name))
                        {
                            differences.Add($"{JsonPaths.Property(path, name)}: not expected but was {Show(actualValue)}");
                        }
                    }
                }

                return;

            case JsonArray expectedArray when actual is JsonArray actualArray && anyOrderArrays:
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var element = expectedArray[i];
                    if (!actualArray.Any(candidate => Compare(element, candidate, extraKeysAllowed, anyOrderArrays).Count == 0))
                    {
                        differences.Add($"{JsonPaths.Index(path, i)}: expected {Show(element)} to match some element of {Show(actualArray)}");
                    }
                }

                return;

            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    differences.Add($"{path}: expected {expectedArray.Count} element(s) but was {actualArray.Count}: {Show(actualArray)}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Compare(expectedArray[i], actualArray[i], JsonPaths.Index(path, i), extraKeysAllowed, differences);
                }

                return;

            default:
                if (!ScalarEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {Show(expected)} but was {Show(actual)}");
                }

                return;
        }
    }

    private static bool ScalarEquals(JsonNode? expected, JsonNode? actual)
    {
        var expectedKind = Kind(expected);
        if (expectedKind != Kind(actual))
        {
            return false;
        }

        return expectedKind switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.String => string.Equals(expected!.GetValue<string>(), actual!.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Number => NumberEquals(expected!.ToJsonString(), actual!.ToJsonString()),
            _ => false, // an object or array against a scalar or the other container kind
        };
    }

    private static bool NumberEquals(string expected, string actual)
    {
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(expected, style, CultureInfo.InvariantCulture, out var left)
            && decimal.TryParse(actual, style, CultureInfo.InvariantCulture, out var right))
        {
            return left == right;
        }

        return double.TryParse(expected, style, CultureInfo.InvariantCulture, out var l)
            && double.TryParse(actual, style, CultureInfo.InvariantCulture, out var r)
            && l.Equals(r);
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Compact JSON of a value for messages (long values cut).</summary>
    public static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
