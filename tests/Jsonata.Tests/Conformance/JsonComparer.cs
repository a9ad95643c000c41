using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jsonata.Tests.Conformance;

/// <summary>Compares JSON values: numbers by value (tiny relative tolerance), object keys unordered.</summary>
public static class JsonComparer
{
    public static bool AreEqual(JsonNode? expected, JsonNode? actual, bool unorderedTopLevel = false)
    {
        if (unorderedTopLevel && expected is JsonArray ea && actual is JsonArray aa)
        {
            if (ea.Count != aa.Count)
            {
                return false;
            }

            var remaining = aa.ToList();
            foreach (var e in ea)
            {
                var index = remaining.FindIndex(a => AreEqual(e, a));
                if (index < 0)
                {
                    return false;
                }

                remaining.RemoveAt(index);
            }

            return true;
        }

        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject eo:
                if (actual is not JsonObject ao || eo.Count != ao.Count)
                {
                    return false;
                }

                foreach (var kv in eo)
                {
                    if (!ao.TryGetPropertyValue(kv.Key, out var other) || !AreEqual(kv.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray ea2:
                if (actual is not JsonArray aa2 || ea2.Count != aa2.Count)
                {
                    return false;
                }

                for (var i = 0; i < ea2.Count; i++)
                {
                    if (!AreEqual(ea2[i], aa2[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                if (actual is not JsonValue av)
                {
                    return false;
                }

                var ev = (JsonValue)expected;
                var kind = ev.GetValueKind();
                if (kind != av.GetValueKind())
                {
                    return false;
                }

                if (kind == JsonValueKind.Number)
                {
                    var e = double.Parse(ev.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    var a = double.Parse(av.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    return e == a || Math.Abs(e - a) <= 1e-13 * Math.Max(Math.Abs(e), Math.Abs(a));
                }

                if (kind == JsonValueKind.String)
                {
                    return ev.GetValue<string>() == av.GetValue<string>();
                }

                return true;
        }
    }
}
