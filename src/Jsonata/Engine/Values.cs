using System.Text.Json.Nodes;

namespace Jsonata.Engine;

// Runtime value domain (mirrors jsonata-js):
//   C# null      = undefined
//   JNull.Value  = JSON null
//   double, string, bool
//   JList        = array / sequence
//   JObject      = object built by an expression; JsonObject = object of the input document (read lazily)
//   JFunction    = lambda, built-in, partial application, regex matcher

/// <summary>The JSON null value (distinct from undefined, which is C# null).</summary>
internal sealed class JNull
{
    public static readonly JNull Value = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>An array or a sequence, with the flags jsonata-js keeps on its arrays.</summary>
internal sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(int capacity)
        : base(capacity)
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    public bool Sequence { get; set; }

    public bool KeepSingleton { get; set; }

    public bool OuterWrapper { get; set; }

    public bool TupleStream { get; set; }

    public bool Cons { get; set; }

    public static JList NewSequence() => new() { Sequence = true };

    /// <summary>The outer wrapper around an array input, so the whole array is one context item.</summary>
    public static JList Wrap(JList array)
    {
        var wrapper = NewSequence(array);
        wrapper.OuterWrapper = true;
        return wrapper;
    }

    public static JList NewSequence(object? item)
    {
        var list = new JList { Sequence = true };
        list.Add(item);
        return list;
    }
}

/// <summary>An object produced by an expression (insertion-ordered).</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>A tuple of a tuple stream: '@' is the context value, other keys are focus/index/ancestor bindings.</summary>
internal sealed class JTuple : Dictionary<string, object?>
{
    public JTuple()
        : base(StringComparer.Ordinal)
    {
    }

    public object? Context
    {
        get => TryGetValue("@", out var v) ? v : null;
        set => this["@"] = value;
    }
}

internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool b) => b ? True : False;
}

/// <summary>Uniform access to the two object representations.</summary>
internal static class Obj
{
    public static bool IsObject(object? v) => v is JObject or JsonObject;

    public static bool TryGet(object obj, string key, out object? value)
    {
        switch (obj)
        {
            case JObject jo:
                return jo.TryGetValue(key, out value);
            case JsonObject node:
                if (node.TryGetPropertyValue(key, out var child))
                {
                    value = ValueConversion.FromNode(child);
                    return true;
                }

                break;
        }

        value = null;
        return false;
    }

    public static int Count(object obj) => obj switch
    {
        JObject jo => jo.Count,
        JsonObject node => node.Count,
        _ => 0,
    };

    public static IEnumerable<string> Keys(object obj) => obj switch
    {
        JObject jo => jo.Keys,
        JsonObject node => node.Select(p => p.Key),
        _ => [],
    };

    public static IEnumerable<KeyValuePair<string, object?>> Entries(object obj)
    {
        if (obj is JObject jo)
        {
            foreach (var kv in jo)
            {
                yield return kv;
            }
        }
        else if (obj is JsonObject node)
        {
            foreach (var kv in node)
            {
                yield return new KeyValuePair<string, object?>(kv.Key, ValueConversion.FromNode(kv.Value));
            }
        }
    }

    /// <summary>A mutable deep copy (used by $clone and the transform operator).</summary>
    public static object? DeepCopy(object? v)
    {
        switch (v)
        {
            case JList list:
                var copy = new JList(list.Count) { Sequence = list.Sequence, Cons = list.Cons, KeepSingleton = list.KeepSingleton };
                foreach (var item in list)
                {
                    copy.Add(DeepCopy(item));
                }

                return copy;
            case JObject or JsonObject:
                var o = new JObject();
                foreach (var kv in Entries(v))
                {
                    o[kv.Key] = DeepCopy(kv.Value);
                }

                return o;
            default:
                return v;
        }
    }
}
