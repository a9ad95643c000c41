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

internal sealed class NativeFunction(string name, int arity, Func<CallContext, object?[], object?> impl) : JFunction
{
    public string Name { get; } = name;

    public Func<CallContext, object?[], object?> Impl { get; } = impl;

    public override int Arity { get; } = arity;

    public static NativeFunction Create(string name, string signature, int arity, Func<CallContext, object?[], object?> impl) =>
        new(name, arity, impl) { Signature = Engine.Signature.Parse(signature) };
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
