using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static IEnumerable<NativeFunction> ObjectFunctions()
    {
        yield return F("keys", "<x-:a<s>>", 1, (_, a) => Keys(Arg(a, 0)));
        yield return F("lookup", "<x-s:x>", 2, (_, a) => Evaluator.Lookup(Arg(a, 0), (string)Arg(a, 1)!));
        yield return F("spread", "<x-:a<o>>", 1, (_, a) => Spread(Arg(a, 0)));
        yield return F("merge", "<a<o>:o>", 1, (_, a) =>
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
        });
        yield return F("each", "<o-f:a>", 2, (ctx, a) =>
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
        });
        yield return F("sift", "<o-f?:o>", 2, (ctx, a) =>
        {
            if (Arg(a, 0) is not { } obj)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var result = new JObject();
            foreach (var kv in Obj.Entries(obj))
            {
                if (Builtins.ToBoolean(ctx.CallHof(f, kv.Value, kv.Key, obj)) == true)
                {
                    result[kv.Key] = kv.Value;
                }
            }

            return result.Count == 0 ? null : result;
        });
        yield return F("type", "<x:s>", 1, (_, a) => Arg(a, 0) switch
        {
            null => null,
            JNull => "null",
            double => "number",
            string => "string",
            bool => "boolean",
            JList => "array",
            JFunction => "function",
            _ => "object",
        });
        yield return F("error", "<s?:x>", 1, (_, a) =>
            throw new JsonataException("D3137", Arg(a, 0) as string ?? "$error() function evaluated"));
        yield return F("assert", "<bs?:x>", 2, (_, a) =>
        {
            if (Arg(a, 0) is false)
            {
                throw new JsonataException("D3141", Arg(a, 1) as string ?? "$assert() statement failed");
            }

            return null;
        });
        yield return F("clone", "<(oa)-:o>", 1, (_, a) => Obj.DeepCopy(Arg(a, 0)));
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
                result = Builtins.Append(result, Spread(item));
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
