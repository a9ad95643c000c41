using System.Text.RegularExpressions;

namespace Jsonata.Engine;

/// <summary>Anything callable: lambdas, built-ins, partial applications, regex matchers.</summary>
internal abstract class JFunction
{
    public Signature? Signature { get; init; }

    /// <summary>Number of declared parameters (decides how many arguments higher-order functions pass).</summary>
    public abstract int Arity { get; }
}

internal sealed class Lambda(Node node, object? input, Frame env) : JFunction
{
    public Node Node { get; } = node;

    public object? Input { get; } = input;

    public Frame Env { get; } = env;

    public override int Arity => Node.Arguments!.Count;
}

/// <summary>What a built-in sees of its call: the context value and the caller's frame.</summary>
internal readonly record struct CallContext(object? Input, Frame Env)
{
    public object? Call(JFunction f, params object?[] args) => Evaluator.Apply(f, args, null, Env);

    /// <summary>Arguments for a higher-order callback: value, then index and the whole array if the callback takes them.</summary>
    public object? CallHof(JFunction f, object? value, object? index, object? all)
    {
        var arity = f.Arity;
        object?[] args = arity >= 3 ? [value, index, all] : arity == 2 ? [value, index] : [value];
        return Call(f, args);
    }
}

/// <summary>
/// A built-in function. Its arity is the number of parameters its signature declares, less the trailing
/// options (parameters jsonata-js declares with a default value, which higher-order functions never pass).
/// </summary>
internal sealed class NativeFunction : JFunction
{
    public NativeFunction(string name, Signature signature, Func<CallContext, object?[], object?> impl, int trailingOptions = 0)
    {
        Name = name;
        Signature = signature;
        Impl = impl;
        Arity = signature.ParameterCount - trailingOptions;
    }

    public string Name { get; }

    public Func<CallContext, object?[], object?> Impl { get; }

    public override int Arity { get; }
}

/// <summary>A function with some arguments bound; <see cref="Placeholder"/> marks the open ones.</summary>
internal sealed class PartialFunction(JFunction target, object?[] args) : JFunction
{
    public static readonly object Placeholder = new();

    public JFunction Target { get; } = target;

    public object?[] Args { get; } = args;

    public override int Arity => Args.Count(a => ReferenceEquals(a, Placeholder));
}

/// <summary>A regular expression literal: called with a string it returns the first match object.</summary>
internal sealed class RegexMatcher(Regex regex, string source, int position) : JFunction
{
    public Regex Regex { get; } = regex;

    public string Source { get; } = source;

    public int Position { get; } = position;

    public override int Arity => 1;
}
