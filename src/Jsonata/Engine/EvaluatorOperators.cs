namespace Jsonata.Engine;

internal static partial class Evaluator
{
    private static object? EvaluateBinary(Node expr, object? input, Frame env)
    {
        var op = expr.Text;
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (op is "and" or "or")
        {
            var l = ValueSemantics.ToBoolean(lhs) == true;
            if (op == "and")
            {
                return Boxes.Bool(l && ValueSemantics.ToBoolean(Evaluate(expr.Rhs!, input, env)) == true);
            }

            return Boxes.Bool(l || ValueSemantics.ToBoolean(Evaluate(expr.Rhs!, input, env)) == true);
        }

        var rhs = Evaluate(expr.Rhs!, input, env);
        try
        {
            return op switch
            {
                "+" or "-" or "*" or "/" or "%" => Arithmetic(lhs, rhs, op),
                "=" => lhs == null || rhs == null ? Boxes.False : Boxes.Bool(DeepEquals(lhs, rhs)),
                "!=" => lhs == null || rhs == null ? Boxes.False : Boxes.Bool(!DeepEquals(lhs, rhs)),
                "<" or "<=" or ">" or ">=" => Compare(lhs, rhs, op),
                "&" => ValueSemantics.StringOf(lhs) + ValueSemantics.StringOf(rhs),
                ".." => Range(lhs, rhs),
                "in" => Includes(lhs, rhs),
                _ => throw Errors.UnsupportedOperator(op, expr.Position),
            };
        }
        catch (JsonataException e)
        {
            throw e.Locate(expr.Position, op);
        }
    }

    private static object? Arithmetic(object? lhs, object? rhs, string op)
    {
        if (lhs != null && lhs is not double)
        {
            throw Errors.LeftNotNumber(op);
        }

        if (rhs != null && rhs is not double)
        {
            throw Errors.RightNotNumber(op);
        }

        if (lhs == null || rhs == null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        if (!double.IsFinite(l) || !double.IsFinite(r))
        {
            throw Errors.NumberOutOfRange(ValueConversion.FormatNumber(double.IsFinite(l) ? r : l));
        }

        var result = op switch
        {
            "+" => l + r,
            "-" => l - r,
            "*" => l * r,
            "/" => l / r,
            _ => l % r,
        };
        return result;
    }

    private static object? Compare(object? lhs, object? rhs, string op)
    {
        var lok = lhs is null or string or double;
        var rok = rhs is null or string or double;
        if (!lok || !rok)
        {
            throw Errors.NotComparable(op);
        }

        if (lhs == null || rhs == null)
        {
            return null;
        }

        if (lhs.GetType() != rhs.GetType())
        {
            throw Errors.ComparedTypesDiffer(ValueSemantics.StringOf(lhs), ValueSemantics.StringOf(rhs), op);
        }

        int c = lhs is double ld ? ld.CompareTo((double)rhs) : string.CompareOrdinal((string)lhs, (string)rhs);
        return Boxes.Bool(op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        });
    }

    private static object? Range(object? lhs, object? rhs)
    {
        if (lhs != null && (lhs is not double l || Math.Floor(l) != l))
        {
            throw Errors.RangeStartNotInteger();
        }

        if (rhs != null && (rhs is not double r || Math.Floor(r) != r))
        {
            throw Errors.RangeEndNotInteger();
        }

        if (lhs == null || rhs == null)
        {
            return null;
        }

        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
        {
            return null;
        }

        var size = to - from + 1;
        if (size > 1e7)
        {
            throw Errors.RangeTooLarge(ValueConversion.FormatNumber(size));
        }

        var result = new JList((int)size) { Sequence = true };
        for (var i = 0; i < (int)size; i++)
        {
            result.Add(from + i);
        }

        return result;
    }

    private static object Includes(object? lhs, object? rhs)
    {
        if (lhs == null || rhs == null)
        {
            return Boxes.False;
        }

        if (rhs is JList list)
        {
            foreach (var item in list)
            {
                if (StrictEquals(lhs, item))
                {
                    return Boxes.True;
                }
            }

            return Boxes.False;
        }

        return Boxes.Bool(StrictEquals(lhs, rhs));
    }

    private static bool StrictEquals(object? a, object? b) => a switch
    {
        double d => b is double e && d == e,
        string s => b is string t && s == t,
        bool x => b is bool y && x == y,
        _ => ReferenceEquals(a, b),
    };

    /// <summary>JSONata's value equality (deep for arrays and objects).</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        if (a is JList la)
        {
            if (b is not JList lb || la.Count != lb.Count)
            {
                return false;
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (!DeepEquals(la[i], lb[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (Obj.IsObject(a))
        {
            if (!Obj.IsObject(b) || Obj.Count(a!) != Obj.Count(b!))
            {
                return false;
            }

            foreach (var kv in Obj.Entries(a!))
            {
                if (!Obj.TryGet(b!, kv.Key, out var other) || !DeepEquals(kv.Value, other))
                {
                    return false;
                }
            }

            return true;
        }

        return a switch
        {
            null => b == null,
            JNull => b is JNull,
            _ => StrictEquals(a, b),
        };
    }

    private static object? EvaluateUnary(Node expr, object? input, Frame env)
    {
        switch (expr.Text)
        {
            case "-":
                var value = Evaluate(expr.Expression!, input, env);
                if (value == null)
                {
                    return null;
                }

                if (value is double d)
                {
                    return -d;
                }

                throw Errors.NegateNonNumber(ValueSemantics.StringOf(value), expr.Position);
            case "[":
                if (expr.Expressions!.Count == 1 && expr.Expressions[0] is { Type: NodeType.Binary, Text: ".." } range)
                {
                    // a lone range: its freshly built sequence becomes the array (no copy of up to 10^7 items)
                    var rangeValue = Evaluate(range, input, env);
                    var items = rangeValue as JList ?? (rangeValue == null ? [] : [rangeValue]);
                    items.Sequence = false;
                    items.Cons = expr.ConsArray;
                    return items;
                }

                var result = new JList();
                foreach (var item in expr.Expressions!)
                {
                    var v = Evaluate(item, input, env);
                    if (v == null)
                    {
                        continue;
                    }

                    if (item.Type == NodeType.Unary && item.Text == "[")
                    {
                        result.Add(v);
                    }
                    else if (v is JList list)
                    {
                        result.AddRange(list);
                    }
                    else
                    {
                        result.Add(v);
                    }
                }

                if (expr.ConsArray)
                {
                    result.Cons = true;
                }

                return result;
            case "{":
                return EvaluateGroup(new GroupSpec(expr.Pairs!, expr.Position), input, env);
            default:
                throw Errors.UnsupportedUnaryOperator(expr.Text, expr.Position);
        }
    }

    private static JObject EvaluateGroup(GroupSpec group, object? input, Frame env)
    {
        var result = new JObject();
        var groups = new OrderedDictionary<string, (object? Data, int ExprIndex)>(StringComparer.Ordinal);
        var reduce = input is JList { TupleStream: true };
        var inputList = input as JList ?? JList.NewSequence(input);
        if (inputList.Count == 0)
        {
            inputList = JList.NewSequence(null);
        }

        foreach (var item in inputList)
        {
            var tupleItem = reduce ? item as JTuple : null;
            var frame = tupleItem != null ? FrameFromTuple(env, tupleItem) : env;
            for (var pairIndex = 0; pairIndex < group.Pairs.Count; pairIndex++)
            {
                var key = Evaluate(group.Pairs[pairIndex].Key, reduce ? tupleItem?.Context : item, frame);
                if (key == null)
                {
                    continue;
                }

                if (key is not string k)
                {
                    throw Errors.KeyNotString(ValueSemantics.StringOf(key), group.Position);
                }

                if (groups.TryGetValue(k, out var entry))
                {
                    if (entry.ExprIndex != pairIndex)
                    {
                        throw Errors.DuplicateGroupKey(k, group.Position);
                    }

                    groups[k] = (ValueSemantics.Append(entry.Data, item), pairIndex);
                }
                else
                {
                    groups[k] = (item, pairIndex);
                }
            }
        }

        foreach (var kv in groups)
        {
            var context = kv.Value.Data;
            var frame = env;
            if (reduce && kv.Value.Data != null)
            {
                var tuple = ReduceTupleStream(kv.Value.Data);
                context = tuple.Context;
                tuple.Remove("@");
                frame = FrameFromTuple(env, tuple);
            }

            var value = Evaluate(group.Pairs[kv.Value.ExprIndex].Value, context, frame);
            if (value != null)
            {
                result[kv.Key] = value;
            }
        }

        return result;
    }

    private static JTuple ReduceTupleStream(object? stream)
    {
        if (stream is not JList list)
        {
            return (JTuple)stream!;
        }

        var result = new JTuple();
        foreach (var kv in (JTuple)list[0]!)
        {
            result[kv.Key] = kv.Value;
        }

        for (var i = 1; i < list.Count; i++)
        {
            foreach (var kv in (JTuple)list[i]!)
            {
                result[kv.Key] = ValueSemantics.Append(result.TryGetValue(kv.Key, out var existing) ? existing : null, kv.Value);
            }
        }

        return result;
    }

    private static JList EvaluateSort(Node expr, JList input, Frame env)
    {
        var isTupleSort = input.TupleStream;
        bool Swap(object? a, object? b)
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < expr.Terms!.Count; index++)
            {
                var term = expr.Terms[index];
                var aa = isTupleSort
                    ? Evaluate(term.Expression, ((JTuple)a!).Context, FrameFromTuple(env, (JTuple)a!))
                    : Evaluate(term.Expression, a, env);
                var bb = isTupleSort
                    ? Evaluate(term.Expression, ((JTuple)b!).Context, FrameFromTuple(env, (JTuple)b!))
                    : Evaluate(term.Expression, b, env);
                if (aa == null)
                {
                    comp = bb == null ? 0 : 1;
                    continue;
                }

                if (bb == null)
                {
                    comp = -1;
                    continue;
                }

                if (aa is not (string or double) || bb is not (string or double))
                {
                    throw Errors.OrderByNotComparable(expr.Position);
                }

                if (aa.GetType() != bb.GetType())
                {
                    throw Errors.OrderByTypeMismatch(expr.Position);
                }

                var c = aa is double da ? da.CompareTo((double)bb) : string.CompareOrdinal((string)aa, (string)bb);
                comp = Math.Sign(c);
                if (term.Descending)
                {
                    comp = -comp;
                }
            }

            return comp == 1;
        }

        var sorted = MergeSort(input, Swap);
        sorted.Sequence = true;
        return sorted;
    }

    /// <summary>Stable merge sort; <paramref name="swap"/>(a, b) is true when a must come after b.</summary>
    public static JList MergeSort(IReadOnlyList<object?> items, Func<object?, object?, bool> swap)
    {
        if (items.Count <= 1)
        {
            return new JList(items);
        }

        var middle = items.Count / 2;
        var left = MergeSort(items.Take(middle).ToList(), swap);
        var right = MergeSort(items.Skip(middle).ToList(), swap);
        var result = new JList(items.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            if (swap(left[i], right[j]))
            {
                result.Add(right[j++]);
            }
            else
            {
                result.Add(left[i++]);
            }
        }

        while (i < left.Count)
        {
            result.Add(left[i++]);
        }

        while (j < right.Count)
        {
            result.Add(right[j++]);
        }

        return result;
    }
}
