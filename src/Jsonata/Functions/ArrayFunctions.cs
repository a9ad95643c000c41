using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static IEnumerable<NativeFunction> ArrayFunctions()
    {
        yield return F("sum", "<a<n>:n>", 1, (_, a) => Arg(a, 0) is JList l ? l.Sum(x => (double)x!) : null);
        yield return F("count", "<a:n>", 1, (_, a) => Arg(a, 0) is JList l ? (double)l.Count : 0d);
        yield return F("max", "<a<n>:n>", 1, (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Max(x => (double)x!) : null);
        yield return F("min", "<a<n>:n>", 1, (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Min(x => (double)x!) : null);
        yield return F("average", "<a<n>:n>", 1, (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Average(x => (double)x!) : null);
        yield return F("append", "<xx:a>", 2, (_, a) => Builtins.Append(Arg(a, 0), Arg(a, 1)));
        yield return F("exists", "<x:b>", 1, (_, a) => Boxes.Bool(Arg(a, 0) != null));
        yield return F("boolean", "<x-:b>", 1, (_, a) => Builtins.ToBoolean(Arg(a, 0)) is bool b ? Boxes.Bool(b) : null);
        yield return F("not", "<x-:b>", 1, (_, a) => Builtins.ToBoolean(Arg(a, 0)) is bool b ? Boxes.Bool(!b) : null);
        yield return F("reverse", "<a:a>", 1, (_, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            if (l.Count <= 1)
            {
                return l;
            }

            var copy = new JList(l);
            copy.Reverse();
            return copy;
        });
        yield return F("distinct", "<x:x>", 1, (_, a) =>
        {
            var arg = Arg(a, 0);
            if (arg is not JList l || l.Count <= 1)
            {
                return arg;
            }

            var results = new JList { Sequence = l.Sequence };
            foreach (var value in l)
            {
                if (!results.Exists(r => Evaluator.DeepEquals(value, r)))
                {
                    results.Add(value);
                }
            }

            return results;
        });
        yield return F("sort", "<af?:a>", 2, (ctx, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            if (l.Count <= 1)
            {
                return l;
            }

            if (Arg(a, 1) is JFunction comparator)
            {
                return Evaluator.MergeSort(l, (x, y) => Builtins.ToBoolean(ctx.Call(comparator, x, y)) == true);
            }

            if (Evaluator.IsArrayOfNumbers(l))
            {
                return Evaluator.MergeSort(l, (x, y) => (double)x! > (double)y!);
            }

            if (Evaluator.IsArrayOfStrings(l))
            {
                return Evaluator.MergeSort(l, (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0);
            }

            throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
        });
        yield return F("shuffle", "<a:a>", 1, (_, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            if (l.Count <= 1)
            {
                return l;
            }

            var copy = new JList(l);
            Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(copy));
            return copy;
        });
        yield return F("zip", "<a+>", 1, (_, a) =>
        {
            var result = new JList();
            if (a.Length == 0)
            {
                return result;
            }

            var length = a.Min(x => x is JList l ? l.Count : 0);
            for (var i = 0; i < length; i++)
            {
                var tuple = new JList();
                foreach (var arg in a)
                {
                    tuple.Add(((JList)arg!)[i]);
                }

                result.Add(tuple);
            }

            return result;
        });
        yield return F("map", "<af>", 2, (ctx, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var result = JList.NewSequence();
            for (var i = 0; i < l.Count; i++)
            {
                var res = ctx.CallHof(f, l[i], (double)i, l);
                if (res != null)
                {
                    result.Add(res);
                }
            }

            return result;
        });
        yield return F("filter", "<af>", 2, (ctx, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var result = JList.NewSequence();
            for (var i = 0; i < l.Count; i++)
            {
                if (Builtins.ToBoolean(ctx.CallHof(f, l[i], (double)i, l)) == true)
                {
                    result.Add(l[i]);
                }
            }

            return result;
        });
        yield return F("single", "<af?>", 2, (ctx, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            var f = Arg(a, 1) as JFunction;
            object? result = null;
            var found = false;
            for (var i = 0; i < l.Count; i++)
            {
                var positive = f == null || Builtins.ToBoolean(ctx.CallHof(f, l[i], (double)i, l)) == true;
                if (!positive)
                {
                    continue;
                }

                if (found)
                {
                    throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");
                }

                result = l[i];
                found = true;
            }

            return found ? result : throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
        });
        yield return F("reduce", "<afj?:j>", 3, (ctx, a) =>
        {
            if (Arg(a, 0) is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var arity = f.Arity;
            if (arity < 2)
            {
                throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments");
            }

            object? result;
            int index;
            if (Arg(a, 2) == null && l.Count > 0)
            {
                result = l[0];
                index = 1;
            }
            else
            {
                result = Arg(a, 2);
                index = 0;
            }

            while (index < l.Count)
            {
                object?[] args = arity >= 4 ? [result, l[index], (double)index, l] : arity == 3 ? [result, l[index], (double)index] : [result, l[index]];
                result = ctx.Call(f, args);
                index++;
            }

            return result;
        });
    }
}
