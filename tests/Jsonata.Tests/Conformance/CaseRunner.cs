using System.Text.Json.Nodes;

namespace Jsonata.Tests.Conformance;

/// <summary>Runs one suite case against the engine; returns null on success or a description of the failure.</summary>
public static class CaseRunner
{
    private static readonly DateTimeOffset FixedNow = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    public static string? Run(SuiteCase c)
    {
        var def = c.Definition;
        var expr = c.Expression(TestSuite.GroupDir(c.Group));
        object? input;
        if (def.ContainsKey("data"))
        {
            input = Engine.ValueConversion.FromNode(def["data"]?.DeepClone());
        }
        else if (def["dataset"] is JsonValue ds)
        {
            var node = TestSuite.Dataset(ds.GetValue<string>());
            input = Engine.ValueConversion.FromNode(node);
        }
        else
        {
            input = null;
        }

        var bindings = new Dictionary<string, JsonNode?>();
        if (def["bindings"] is JsonObject b)
        {
            foreach (var kv in b)
            {
                bindings[kv.Key] = kv.Value?.DeepClone();
            }
        }

        var expectedCode = def["code"]?.GetValue<string>() ?? def["error"]?["code"]?.GetValue<string>();
        JsonataResult result;
        try
        {
            var parsed = JsonataExpression.Parse(expr);
            var depth = def["depth"]?.GetValue<int>() ?? 500;
            var timeLimit = def["timelimit"]?.GetValue<int>() ?? 0;
            result = RunOnBigStack(() => parsed.EvaluateValue(input, bindings, new FixedClock(FixedNow), depth, timeLimit));
        }
        catch (JsonataException e)
        {
            if (expectedCode != null)
            {
                return e.Code == expectedCode ? null : $"expected error {expectedCode}, got {e.Code}: {e.Message}";
            }

            return "unexpected error " + e.Message;
        }

        if (expectedCode != null)
        {
            return $"expected error {expectedCode}, got {(result.IsUndefined ? "undefined" : Show(result.Value))}";
        }

        if (def["undefinedResult"] is JsonValue u && u.GetValue<bool>())
        {
            return result.IsUndefined ? null : "expected undefined, got " + Show(result.Value);
        }

        if (!def.ContainsKey("result"))
        {
            return result.IsUndefined ? null : "expected undefined (no result given), got " + Show(result.Value);
        }

        var expected = def["result"];
        if (result.IsUndefined)
        {
            return "expected " + Show(expected) + ", got undefined";
        }

        var unordered = def["unordered"] is JsonValue uo && uo.GetValue<bool>();
        return JsonComparer.AreEqual(expected, result.Value, unordered)
            ? null
            : $"expected {Show(expected)}, got {Show(result.Value)}";
    }

    public static string Show(JsonNode? node)
    {
        try
        {
            return node?.ToJsonString() ?? "null";
        }
        catch (InvalidOperationException)
        {
            return "<text with a lone surrogate>";
        }
    }

    private static T RunOnBigStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = action();
                }
                catch (Exception e)
                {
                    error = e;
                }
            },
            64 * 1024 * 1024);
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(60)))
        {
            throw new JsonataException("TIMEOUT", "case did not finish within 60 s");
        }

        if (error != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }

        return result;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
