using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static object? MergeFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList l)
        {
            return null;
        }

        var result = new JObject();
        foreach (var obj in l)
        {
            foreach (var kv in Obj.Entries(obj!))
            {
                result[kv.Key] = kv.Value;
            }
        }

        return result;
    }

    private static object? EachFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not { } obj)
        {
            return null;
        }

        var f = (JFunction)a[1]!;
        var result = JList.NewSequence();
        foreach (var kv in Obj.Entries(obj))
        {
            var val = ctx.CallHof(f, kv.Value, kv.Key, obj);
            if (val != null)
            {
                result.Add(val);
            }
        }

        return result;
    }

    private static object? SiftFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not { } obj)
        {
            return null;
        }

        var f = (JFunction)a[1]!;
        var result = new JObject();
        foreach (var kv in Obj.Entries(obj))
        {
            if (ValueSemantics.ToBoolean(ctx.CallHof(f, kv.Value, kv.Key, obj)) == true)
            {
                result[kv.Key] = kv.Value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static object? TypeFunction(CallContext ctx, object?[] a) =>
        Arg(a, 0) switch
        {
            null => null,
            JNull => "null",
            double => "number",
            string => "string",
            bool => "boolean",
            JList => "array",
            JFunction => "function",
            _ => "object",
        };

    private static object? ErrorFunction(CallContext ctx, object?[] a) =>
        throw Errors.ErrorFunction(Arg(a, 0) as string);

    private static object? AssertFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is false)
        {
            throw Errors.AssertFailed(Arg(a, 1) as string);
        }

        return null;
    }

    private static JList Keys(object? arg)
    {
        var result = JList.NewSequence();
        if (arg is JList list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list)
            {
                foreach (var key in Keys(item))
                {
                    if (seen.Add((string)key!))
                    {
                        result.Add(key);
                    }
                }
            }
        }
        else if (Obj.IsObject(arg))
        {
            foreach (var key in Obj.Keys(arg!))
            {
                result.Add(key);
            }
        }

        return result;
    }

    private static object? Spread(object? arg)
    {
        if (arg is JList list)
        {
            object? result = JList.NewSequence();
            foreach (var item in list)
            {
                result = ValueSemantics.Append(result, Spread(item));
            }

            return result;
        }

        if (Obj.IsObject(arg))
        {
            var result = JList.NewSequence();
            foreach (var kv in Obj.Entries(arg!))
            {
                result.Add(new JObject { [kv.Key] = kv.Value });
            }

            return result;
        }

        return arg;
    }
}
