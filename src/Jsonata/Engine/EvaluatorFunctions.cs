namespace Jsonata.Engine;

internal static partial class Evaluator
{
    private static string? ProcedureName(Node procedure) => procedure.Type switch
    {
        NodeType.Path => procedure.Steps![0].Value as string,
        _ => procedure.Value as string,
    };

    private static object? EvaluateFunction(Node expr, object? input, Frame env, object? applyTo, bool hasApplyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, env);
        var procName = ProcedureName(expr.Procedure!);
        if (proc == null && expr.Procedure!.Type == NodeType.Path && procName != null && env.Lookup(procName) != null)
        {
            throw Errors.InvokeNonFunctionNamed(procName, expr.Position);
        }

        var args = new object?[expr.Arguments!.Count + (hasApplyTo ? 1 : 0)];
        var offset = 0;
        if (hasApplyTo)
        {
            args[0] = applyTo;
            offset = 1;
        }

        for (var i = 0; i < expr.Arguments.Count; i++)
        {
            args[i + offset] = Evaluate(expr.Arguments[i], input, env);
        }

        try
        {
            return Apply(proc, args, input, env);
        }
        catch (JsonataException e)
        {
            throw e.Locate(expr.Position, procName);
        }
    }

    public static object? Apply(object? proc, object?[] args, object? input, Frame env)
    {
        var result = ApplyInner(proc, args, input, env);
        while (result is Lambda { Node.Thunk: true } thunk)
        {
            var body = thunk.Node.Body!;
            var next = Evaluate(body.Procedure!, thunk.Input, thunk.Env);
            var evaluatedArgs = new object?[body.Arguments!.Count];
            for (var i = 0; i < evaluatedArgs.Length; i++)
            {
                evaluatedArgs[i] = Evaluate(body.Arguments[i], thunk.Input, thunk.Env);
            }

            try
            {
                result = ApplyInner(next, evaluatedArgs, input, env);
            }
            catch (JsonataException e)
            {
                throw e.Locate(body.Position, ProcedureName(body.Procedure!));
            }
        }

        return result;
    }

    private static object? ApplyInner(object? proc, object?[] args, object? input, Frame env)
    {
        if (proc is not JFunction function)
        {
            throw Errors.InvokeNonFunction();
        }

        var validated = function.Signature != null ? function.Signature.Validate(args, input) : args;
        switch (function)
        {
            case Lambda lambda:
                var frame = new Frame(lambda.Env);
                var parameters = lambda.Node.Arguments!;
                for (var i = 0; i < parameters.Count; i++)
                {
                    frame.Bind(parameters[i].Text, i < validated.Length ? validated[i] : null);
                }

                return Evaluate(lambda.Node.Body!, lambda.Input, frame);
            case NativeFunction native:
                return native.Impl(new CallContext(input, env), validated);
            case PartialFunction partial:
                var full = new List<object?>(partial.Args.Length);
                var next = 0;
                foreach (var a in partial.Args)
                {
                    full.Add(ReferenceEquals(a, PartialFunction.Placeholder) ? (next < validated.Length ? validated[next++] : null) : a);
                }

                while (full.Count > 0 && full[^1] == null)
                {
                    full.RemoveAt(full.Count - 1);
                }

                return Apply(partial.Target, [.. full], input, env);
            case ComposedFunction composed:
                return Apply(composed.Second, [Apply(composed.First, validated, input, env)], input, env);
            case RegexMatcher matcher:
                var str = validated.Length > 0 ? validated[0] as string : null;
                if (str == null)
                {
                    return null;
                }

                var m = matcher.Regex.Match(str);
                return m.Success ? ValueSemantics.MatchObject(m) : null;
            default:
                throw Errors.InvokeNonFunction();
        }
    }

    private static object? EvaluatePartial(Node expr, object? input, Frame env)
    {
        var args = new object?[expr.Arguments!.Count];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = expr.Arguments[i];
            args[i] = arg.Type == NodeType.Placeholder ? PartialFunction.Placeholder : Evaluate(arg, input, env);
        }

        var proc = Evaluate(expr.Procedure!, input, env);
        var procName = ProcedureName(expr.Procedure!);
        if (proc == null && expr.Procedure!.Type == NodeType.Path && procName != null && env.Lookup(procName) != null)
        {
            throw Errors.PartialNonFunctionNamed(procName, expr.Position);
        }

        if (proc is not JFunction function)
        {
            throw Errors.PartialNonFunction(expr.Position, procName);
        }

        return new PartialFunction(function, args);
    }

    private static object? EvaluateApply(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (expr.Rhs!.Type == NodeType.Function)
        {
            return EvaluateFunction(expr.Rhs, input, env, lhs, true);
        }

        var func = Evaluate(expr.Rhs, input, env);
        if (func is not JFunction f)
        {
            throw Errors.ApplyNonFunction(expr.Position);
        }

        try
        {
            if (lhs is JFunction first)
            {
                return new ComposedFunction(first, f);
            }

            return Apply(f, [lhs], null, env);
        }
        catch (JsonataException e)
        {
            throw e.Locate(expr.Position, "~>");
        }
    }

    private static NativeFunction Transformer(Node expr, Frame env) =>
        Functions.Library.Transform((ctx, args) =>
        {
            var obj = args.Length > 0 ? args[0] : null;
            if (obj == null)
            {
                return null;
            }

            var result = Obj.DeepCopy(obj);
            var matches = Evaluate(expr.Pattern!, result, env);
            if (matches == null)
            {
                return result;
            }

            var matchList = matches as JList ?? [matches];
            foreach (var match in matchList)
            {
                var update = Evaluate(expr.Update!, match, env);
                if (update != null)
                {
                    if (update is not JObject updateObj)
                    {
                        throw Errors.TransformUpdateNotObject(ValueSemantics.StringOf(update), expr.Update!.Position);
                    }

                    if (match is JObject target)
                    {
                        foreach (var kv in updateObj)
                        {
                            target[kv.Key] = kv.Value;
                        }
                    }
                }

                if (expr.Delete != null)
                {
                    var deletions = Evaluate(expr.Delete, match, env);
                    if (deletions != null)
                    {
                        var list = deletions as JList ?? [deletions];
                        foreach (var d in list)
                        {
                            if (d is not string)
                            {
                                throw Errors.TransformDeleteNotStrings(ValueSemantics.StringOf(deletions), expr.Delete.Position);
                            }
                        }

                        if (match is JObject target)
                        {
                            foreach (var d in list)
                            {
                                target.Remove((string)d!);
                            }
                        }
                    }
                }
            }

            _ = ctx;
            return result;
        });
}

/// <summary>f ~> g where both are functions: a function applying f then g.</summary>
internal sealed class ComposedFunction(JFunction first, JFunction second) : JFunction
{
    public JFunction First { get; } = first;

    public JFunction Second { get; } = second;

    public override int Arity => First.Arity;
}
