using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static object? ReverseFunction(CallContext ctx, object?[] a)
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
    }

    private static object? DistinctFunction(CallContext ctx, object?[] a)
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
    }

    private static object? SortFunction(CallContext ctx, object?[] a)
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
            return Evaluator.MergeSort(l, (x, y) => ValueSemantics.ToBoolean(ctx.Call(comparator, x, y)) == true);
        }

        if (Evaluator.IsArrayOfNumbers(l))
        {
            return Evaluator.MergeSort(l, (x, y) => (double)x! > (double)y!);
        }

        if (Evaluator.IsArrayOfStrings(l))
        {
            return Evaluator.MergeSort(l, (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0);
        }

        throw Errors.SortNeedsComparator();
    }

    private static object? ShuffleFunction(CallContext ctx, object?[] a)
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
    }

    private static object? ZipFunction(CallContext ctx, object?[] a)
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
    }

    private static object? MapFunction(CallContext ctx, object?[] a)
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
    }

    private static object? FilterFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList l)
        {
            return null;
        }

        var f = (JFunction)a[1]!;
        var result = JList.NewSequence();
        for (var i = 0; i < l.Count; i++)
        {
            if (ValueSemantics.ToBoolean(ctx.CallHof(f, l[i], (double)i, l)) == true)
            {
                result.Add(l[i]);
            }
        }

        return result;
    }

    private static object? SingleFunction(CallContext ctx, object?[] a)
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
            var positive = f == null || ValueSemantics.ToBoolean(ctx.CallHof(f, l[i], (double)i, l)) == true;
            if (!positive)
            {
                continue;
            }

            if (found)
            {
                throw Errors.SingleMatchedMore();
            }

            result = l[i];
            found = true;
        }

        return found ? result : throw Errors.SingleMatchedNone();
    }

    private static object? ReduceFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList l)
        {
            return null;
        }

        var f = (JFunction)a[1]!;
        var arity = f.Arity;
        if (arity < 2)
        {
            throw Errors.ReduceCallbackArity();
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
    }
}
