using System.Text.Json.Nodes;

namespace Jsonata.Engine;

/// <summary>Walks the AST (jsonata-js semantics: sequences, flattening, singleton unwrapping, undefined).</summary>
internal static partial class Evaluator
{
    public static object? Evaluate(Node expr, object? input, Frame env)
    {
        var state = env.State!;
        if (++state.Depth > state.MaxDepth)
        {
            state.Depth--;
            throw Errors.StackOverflow(expr.Position);
        }

        if (state.Deadline != 0 && (++state.Ticks & 255) == 0 && Environment.TickCount64 > state.Deadline)
        {
            state.Depth--;
            throw Errors.Timeout(expr.Position);
        }

        try
        {
            return EvaluateCore(expr, input, env);
        }
        finally
        {
            state.Depth--;
        }
    }

    private static object? EvaluateCore(Node expr, object? input, Frame env)
    {
        object? result;
        switch (expr.Type)
        {
            case NodeType.Path:
                result = EvaluatePath(expr, input, env);
                break;
            case NodeType.Binary:
                result = EvaluateBinary(expr, input, env);
                break;
            case NodeType.Unary:
                result = EvaluateUnary(expr, input, env);
                break;
            case NodeType.Name:
                result = Lookup(input, expr.Text);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
                result = expr.Value;
                break;
            case NodeType.Wildcard:
                result = EvaluateWildcard(input);
                break;
            case NodeType.Descendant:
                result = EvaluateDescendants(input);
                break;
            case NodeType.Parent:
                result = env.Lookup(expr.Slot!.Label);
                break;
            case NodeType.Condition:
                var condition = Evaluate(expr.Condition!, input, env);
                if (ValueSemantics.ToBoolean(condition) == true)
                {
                    result = Evaluate(expr.Then!, input, env);
                }
                else
                {
                    result = expr.Else != null ? Evaluate(expr.Else, input, env) : null;
                }

                break;
            case NodeType.Block:
                var frame = new Frame(env);
                result = null;
                foreach (var e in expr.Expressions!)
                {
                    result = Evaluate(e, input, frame);
                }

                break;
            case NodeType.Bind:
                result = Evaluate(expr.Rhs!, input, env);
                env.Bind(expr.Lhs!.Text, result);
                break;
            case NodeType.Regex:
                result = new RegexMatcher(expr.CompiledRegex!, ((RegexLiteral)expr.Value!).Pattern, expr.Position);
                break;
            case NodeType.Function:
                result = EvaluateFunction(expr, input, env, null, false);
                break;
            case NodeType.Variable:
                result = EvaluateVariable(expr, input, env);
                break;
            case NodeType.Lambda:
                result = new Lambda(expr, input, env) { Signature = expr.Signature };
                break;
            case NodeType.Partial:
                result = EvaluatePartial(expr, input, env);
                break;
            case NodeType.Apply:
                result = EvaluateApply(expr, input, env);
                break;
            case NodeType.Transform:
                result = Transformer(expr, env);
                break;
            default:
                throw Errors.UnsupportedExpression(expr.Type, expr.Position);
        }

        if (expr.Predicate != null)
        {
            foreach (var stage in expr.Predicate)
            {
                result = EvaluateFilter(stage.Expr!, result, env);
            }
        }

        if (expr.Type != NodeType.Path && expr.Group != null)
        {
            result = EvaluateGroup(expr.Group, result, env);
        }

        if (result is JList seq && seq.Sequence && !seq.TupleStream)
        {
            if (expr.KeepArray)
            {
                seq.KeepSingleton = true;
            }

            if (seq.Count == 0)
            {
                result = null;
            }
            else if (seq.Count == 1)
            {
                result = seq.KeepSingleton ? seq : seq[0];
            }
        }

        return result;
    }

    private static object? EvaluateVariable(Node expr, object? input, Frame env)
    {
        var name = expr.Text;
        if (name.Length == 0)
        {
            return input is JList { OuterWrapper: true } wrapper && wrapper.Count > 0 ? wrapper[0] : input;
        }

        return env.Lookup(name);
    }

    public static object? Lookup(object? input, string key)
    {
        switch (input)
        {
            case JList list:
                var result = JList.NewSequence();
                foreach (var item in list)
                {
                    var res = Lookup(item, key);
                    if (res is JList inner)
                    {
                        result.AddRange(inner);
                    }
                    else if (res != null)
                    {
                        result.Add(res);
                    }
                }

                return result;
            case JsonObject node:
                return node.TryGetPropertyValue(key, out var child) ? ValueConversion.FromNode(child) : null;
            case JObject obj:
                return obj.TryGetValue(key, out var v) ? v : null;
            default:
                return null;
        }
    }

    private static object? EvaluatePath(Node expr, object? input, Frame env)
    {
        var steps = expr.Steps!;
        if (steps.Count == 1 && expr.IsSimpleName && input is not JList)
        {
            // fast path for a lone field name on a single context value (same result as the general loop)
            return Lookup(input, steps[0].Text);
        }

        JList inputSequence;
        if (input is JList list && steps[0].Type != NodeType.Variable)
        {
            inputSequence = list;
        }
        else
        {
            inputSequence = JList.NewSequence(input);
        }

        JList? resultSequence = null;
        var isTupleStream = false;
        JList? tupleBindings = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (i == 0 && step.ConsArray)
            {
                var constructed = Evaluate(step, inputSequence, env);
                resultSequence = constructed as JList ?? (constructed == null ? null : JList.NewSequence(constructed));
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, env);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, env, i == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence == null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus == null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = JList.NewSequence();
                foreach (var t in tupleBindings!)
                {
                    resultSequence.Add(((JTuple)t!).Context);
                }
            }
        }

        if (expr.KeepSingletonArray)
        {
            if (resultSequence is { Cons: true, Sequence: false })
            {
                resultSequence = JList.NewSequence(resultSequence);
            }

            resultSequence ??= JList.NewSequence();
            resultSequence.KeepSingleton = true;
        }

        if (expr.Group != null)
        {
            return EvaluateGroup(expr.Group, isTupleStream ? tupleBindings : resultSequence, env);
        }

        return resultSequence;
    }

    private static JList EvaluateStep(Node step, JList input, Frame env, bool lastStep)
    {
        if (step.Type == NodeType.Sort)
        {
            var sorted = EvaluateSort(step, input, env);
            return step.Stages != null ? EvaluateStages(step.Stages, sorted, env) : sorted;
        }

        var result = new JList(input.Count) { Sequence = true };
        var needsFlattening = false;
        for (var i = 0; i < input.Count; i++)
        {
            var res = Evaluate(step, input[i], env);
            if (step.Stages != null)
            {
                foreach (var stage in step.Stages)
                {
                    res = EvaluateFilter(stage.Expr!, res, env);
                }
            }

            if (res != null)
            {
                result.Add(res);
                if (res is JList { Cons: false })
                {
                    needsFlattening = true;
                }
            }
        }

        if (lastStep && result.Count == 1 && result[0] is JList only && !only.Sequence)
        {
            return only;
        }

        if (!needsFlattening)
        {
            return result;
        }

        var flattened = JList.NewSequence();
        foreach (var res in result)
        {
            if (res is JList inner && !inner.Cons)
            {
                flattened.AddRange(inner);
            }
            else
            {
                flattened.Add(res);
            }
        }

        return flattened;
    }

    private static JList EvaluateStages(List<Stage> stages, JList input, Frame env)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.Kind == StageKind.Filter)
            {
                result = EvaluateFilter(stage.Expr!, result, env);
            }
            else
            {
                for (var i = 0; i < result.Count; i++)
                {
                    ((JTuple)result[i]!)[stage.IndexVariable!] = (double)i;
                }
            }
        }

        return result;
    }

    private static Frame FrameFromTuple(Frame env, JTuple tuple)
    {
        var frame = new Frame(env);
        foreach (var kv in tuple)
        {
            frame.Bind(kv.Key, kv.Value);
        }

        return frame;
    }

    private static JList EvaluateTupleStep(Node step, JList input, JList? tupleBindings, Frame env)
    {
        JList result;
        if (step.Type == NodeType.Sort)
        {
            if (tupleBindings != null)
            {
                result = EvaluateSort(step, tupleBindings, env);
                result.TupleStream = true;
            }
            else
            {
                var sorted = EvaluateSort(step, input, env);
                result = new JList { Sequence = true, TupleStream = true };
                for (var i = 0; i < sorted.Count; i++)
                {
                    var tuple = new JTuple { Context = sorted[i] };
                    if (step.IndexVariable != null)
                    {
                        tuple[step.IndexVariable] = (double)i;
                    }

                    result.Add(tuple);
                }
            }

            return step.Stages != null ? EvaluateStages(step.Stages, result, env) : result;
        }

        result = new JList { Sequence = true, TupleStream = true };
        if (tupleBindings == null)
        {
            tupleBindings = new JList(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new JTuple { Context = item });
            }
        }

        foreach (var b in tupleBindings)
        {
            var binding = (JTuple)b!;
            var stepEnv = FrameFromTuple(env, binding);
            var res = Evaluate(step, binding.Context, stepEnv);
            if (res == null)
            {
                continue;
            }

            var resList = res as JList ?? [res];
            for (var bb = 0; bb < resList.Count; bb++)
            {
                var tuple = new JTuple();
                foreach (var kv in binding)
                {
                    tuple[kv.Key] = kv.Value;
                }

                if (resList.TupleStream)
                {
                    foreach (var kv in (JTuple)resList[bb]!)
                    {
                        tuple[kv.Key] = kv.Value;
                    }
                }
                else
                {
                    if (step.Focus != null)
                    {
                        tuple[step.Focus] = resList[bb];
                        tuple.Context = binding.Context;
                    }
                    else
                    {
                        tuple.Context = resList[bb];
                    }

                    if (step.IndexVariable != null)
                    {
                        tuple[step.IndexVariable] = (double)bb;
                    }

                    if (step.Ancestor != null)
                    {
                        tuple[step.Ancestor.Label] = binding.Context;
                    }
                }

                result.Add(tuple);
            }
        }

        return step.Stages != null ? EvaluateStages(step.Stages, result, env) : result;
    }

    private static JList EvaluateFilter(Node predicate, object? input, Frame env)
    {
        var results = JList.NewSequence();
        if (input is JList { TupleStream: true })
        {
            results.TupleStream = true;
        }

        var inputList = input as JList ?? JList.NewSequence(input);
        if (predicate.Type == NodeType.Number)
        {
            var index = (int)Math.Floor((double)predicate.Value!);
            if (index < 0)
            {
                index = inputList.Count + index;
            }

            var item = index >= 0 && index < inputList.Count ? inputList[index] : null;
            if (item != null)
            {
                if (item is JList arr)
                {
                    return arr;
                }

                results.Add(item);
            }

            return results;
        }

        for (var index = 0; index < inputList.Count; index++)
        {
            var item = inputList[index];
            var context = item;
            var frame = env;
            if (inputList.TupleStream)
            {
                var tuple = (JTuple)item!;
                context = tuple.Context;
                frame = FrameFromTuple(env, tuple);
            }

            var res = Evaluate(predicate, context, frame);
            if (res is double d)
            {
                if (Matches(d, index, inputList.Count))
                {
                    results.Add(item);
                }
            }
            else if (IsArrayOfNumbers(res))
            {
                foreach (var n in (JList)res!)
                {
                    if (Matches((double)n!, index, inputList.Count))
                    {
                        results.Add(item);
                    }
                }
            }
            else if (ValueSemantics.ToBoolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private static bool Matches(double d, int index, int count)
    {
        var ii = (int)Math.Floor(d);
        if (ii < 0)
        {
            ii = count + ii;
        }

        return ii == index;
    }

    public static bool IsArrayOfNumbers(object? value)
    {
        if (value is not JList list || list.Count == 0)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (item is not double)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsArrayOfStrings(object? value)
    {
        if (value is not JList list || list.Count == 0)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (item is not string)
            {
                return false;
            }
        }

        return true;
    }

    private static JList EvaluateWildcard(object? input)
    {
        var results = JList.NewSequence();
        if (input is JList { OuterWrapper: true } wrapper && wrapper.Count > 0)
        {
            input = wrapper[0];
        }

        if (input is JList array)
        {
            foreach (var item in array)
            {
                if (item is JList inner)
                {
                    Flatten(inner, results);
                }
                else if (item != null)
                {
                    results.Add(item);
                }
            }
        }
        else if (Obj.IsObject(input))
        {
            foreach (var kv in Obj.Entries(input!))
            {
                if (kv.Value is JList arr)
                {
                    var flat = new JList();
                    Flatten(arr, flat);
                    var appended = new JList(results);
                    appended.AddRange(flat);
                    results = appended;
                }
                else
                {
                    results.Add(kv.Value);
                }
            }
        }

        return results;
    }

    private static void Flatten(JList arr, JList into)
    {
        foreach (var item in arr)
        {
            if (item is JList inner)
            {
                Flatten(inner, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input == null)
        {
            return null;
        }

        var results = JList.NewSequence();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, JList results)
    {
        if (input is JList list)
        {
            foreach (var item in list)
            {
                RecurseDescendants(item, results);
            }

            return;
        }

        results.Add(input);
        if (Obj.IsObject(input))
        {
            foreach (var kv in Obj.Entries(input!))
            {
                RecurseDescendants(kv.Value, results);
            }
        }
    }
}
