using Jsonata.Engine;

namespace Jsonata.Functions;

/// <summary>The built-in function library and the value helpers the evaluator shares with it.</summary>
internal static partial class Library
{
    private static readonly Frame BuiltinFrame = CreateFrame();

    public static Frame Frame => BuiltinFrame;

    private static Frame CreateFrame()
    {
        var frame = new Frame(null, null);
        foreach (var f in All())
        {
            frame.Bind(f.Name, f);
        }

        return frame;
    }

    private static NativeFunction F(string name, string signature, int arity, Func<CallContext, object?[], object?> impl) =>
        NativeFunction.Create(name, signature, arity, impl);

    private static object? Arg(object?[] args, int i) => i < args.Length ? args[i] : null;

    private static IEnumerable<NativeFunction> All()
    {
        foreach (var f in StringFunctions())
        {
            yield return f;
        }

        foreach (var f in NumericFunctions())
        {
            yield return f;
        }

        foreach (var f in ArrayFunctions())
        {
            yield return f;
        }

        foreach (var f in ObjectFunctions())
        {
            yield return f;
        }

        foreach (var f in DateTimeFunctions())
        {
            yield return f;
        }
    }
}
