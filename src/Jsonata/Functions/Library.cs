using System.Text;
using Jsonata.Engine;

namespace Jsonata.Functions;

/// <summary>
/// The registration table: every JSONata built-in function with its signature and implementation, in one list
/// (as jsonata-js binds them in jsonata.js). Implementations live in the category files (<c>*Functions.cs</c>).
/// A function's arity (how many arguments a higher-order function passes it) is derived from its signature.
/// </summary>
internal static partial class Library
{
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    /// <summary>Every built-in function, in one list.</summary>
    public static IReadOnlyList<NativeFunction> All { get; } =
    [
        // String
        // prettify is an option, not a callback argument: jsonata-js declares it with a default value
        // (string(arg, prettify = false)), so higher-order functions pass $string the value only.
        F("string", "<x-b?:s>", (_, a) => StringFn(Arg(a, 0), Arg(a, 1) is true), trailingOptions: 1),
        F("length", "<s-:n>", (_, a) => Arg(a, 0) is string s ? (double)CodePoints(s).Count : null),
        F("substring", "<s-nn?:s>", (_, a) => Substring(Arg(a, 0) as string, Arg(a, 1), Arg(a, 2))),
        F("substringBefore", "<s-s:s>", (_, a) => AroundFirst(Arg(a, 0), Arg(a, 1), (s, pos, _) => s[..pos])),
        F("substringAfter", "<s-s:s>", (_, a) => AroundFirst(Arg(a, 0), Arg(a, 1), (s, pos, chars) => s[(pos + chars.Length)..])),
        F("uppercase", "<s-:s>", (_, a) => (Arg(a, 0) as string)?.ToUpperInvariant()),
        F("lowercase", "<s-:s>", (_, a) => (Arg(a, 0) as string)?.ToLowerInvariant()),
        F("trim", "<s-:s>", (_, a) => Arg(a, 0) is string s ? Trim(s) : null),
        F("pad", "<s-ns?:s>", (_, a) => Pad(Arg(a, 0) as string, Arg(a, 1), Arg(a, 2) as string)),
        F("contains", "<s-(sf):b>", ContainsFunction),
        F("split", "<s-(sf)n?:a<s>>", (ctx, a) => Split(ctx, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2))),
        F("join", "<a<s>s?:s>", JoinFunction),
        F("match", "<s-f<s:o>n?:a<o>>", (ctx, a) => MatchFn(ctx, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2))),
        F("replace", "<s-(sf)(sf)n?:s>", (ctx, a) => Replace(ctx, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2), Arg(a, 3))),
        F("base64encode", "<s-:s>", (_, a) => Arg(a, 0) is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : null),
        F("base64decode", "<s-:s>", (_, a) => Arg(a, 0) is string s ? Encoding.UTF8.GetString(Convert.FromBase64String(s)) : null),
        F("encodeUrlComponent", "<s-:s>", (_, a) => Arg(a, 0) is string s ? UrlEncode(s, "-_.!~*'()") : null),
        F("encodeUrl", "<s-:s>", (_, a) => Arg(a, 0) is string s ? UrlEncode(s, "-_.!~*'();/?:@&=+$,#") : null),
        F("decodeUrlComponent", "<s-:s>", (_, a) => Arg(a, 0) is string s ? UrlDecode(s, "decodeUrlComponent", string.Empty) : null),
        F("decodeUrl", "<s-:s>", (_, a) => Arg(a, 0) is string s ? UrlDecode(s, "decodeUrl", ";/?:@&=+$,#") : null),
        F("eval", "<sx?:x>", (ctx, a) => EvalFn(ctx, Arg(a, 0) as string, Arg(a, 1) ?? ctx.Input, Arg(a, 1) != null)),

        // Numeric
        F("number", "<(nsb)-:n>", (_, a) => NumberFn(Arg(a, 0))),
        F("abs", "<n-:n>", (_, a) => Arg(a, 0) is double d ? Math.Abs(d) : null),
        F("floor", "<n-:n>", (_, a) => Arg(a, 0) is double d ? NoNegativeZero(Math.Floor(d)) : null),
        F("ceil", "<n-:n>", (_, a) => Arg(a, 0) is double d ? NoNegativeZero(Math.Ceiling(d)) : null),
        F("round", "<n-n?:n>", (_, a) => Arg(a, 0) is double d ? Round(d, Arg(a, 1) is double p ? (int)p : 0) : null),
        F("sqrt", "<n-:n>", SqrtFunction),
        F("power", "<n-n:n>", PowerFunction),
        F("random", "<:n>", (_, _) => Random.Shared.NextDouble()),
        F("formatBase", "<n-n?:s>", (_, a) => FormatBase(Arg(a, 0), Arg(a, 1))),
        F("formatNumber", "<n-so?:s>", (_, a) => FormatNumber(Arg(a, 0), (string)Arg(a, 1)!, Arg(a, 2))),
        F("formatInteger", "<n-s:s>", (_, a) => FormatInteger(Arg(a, 0), (string)Arg(a, 1)!)),
        F("parseInteger", "<s-s:n>", (_, a) => Arg(a, 0) is null ? null : throw Errors.PictureUnsupported("$parseInteger")),

        // Array
        F("sum", "<a<n>:n>", (_, a) => Arg(a, 0) is JList l ? l.Sum(x => (double)x!) : null),
        F("count", "<a:n>", (_, a) => Arg(a, 0) is JList l ? (double)l.Count : 0d),
        F("max", "<a<n>:n>", (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Max(x => (double)x!) : null),
        F("min", "<a<n>:n>", (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Min(x => (double)x!) : null),
        F("average", "<a<n>:n>", (_, a) => Arg(a, 0) is JList { Count: > 0 } l ? l.Average(x => (double)x!) : null),
        F("append", "<xx:a>", (_, a) => ValueSemantics.Append(Arg(a, 0), Arg(a, 1))),
        F("exists", "<x:b>", (_, a) => Boxes.Bool(Arg(a, 0) != null)),
        F("boolean", "<x-:b>", (_, a) => ValueSemantics.ToBoolean(Arg(a, 0)) is bool b ? Boxes.Bool(b) : null),
        F("not", "<x-:b>", (_, a) => ValueSemantics.ToBoolean(Arg(a, 0)) is bool b ? Boxes.Bool(!b) : null),
        F("reverse", "<a:a>", ReverseFunction),
        F("distinct", "<x:x>", DistinctFunction),
        F("sort", "<af?:a>", SortFunction),
        F("shuffle", "<a:a>", ShuffleFunction),
        F("zip", "<a+>", ZipFunction),
        F("map", "<af>", MapFunction),
        F("filter", "<af>", FilterFunction),
        F("single", "<af?>", SingleFunction),
        F("reduce", "<afj?:j>", ReduceFunction),

        // Object
        F("keys", "<x-:a<s>>", (_, a) => Keys(Arg(a, 0))),
        F("lookup", "<x-s:x>", (_, a) => Evaluator.Lookup(Arg(a, 0), (string)Arg(a, 1)!)),
        F("spread", "<x-:a<o>>", (_, a) => Spread(Arg(a, 0))),
        F("merge", "<a<o>:o>", MergeFunction),
        F("each", "<o-f:a>", EachFunction),
        F("sift", "<o-f?:o>", SiftFunction),
        F("type", "<x:s>", TypeFunction),
        F("error", "<s?:x>", ErrorFunction),
        F("assert", "<bs?:x>", AssertFunction),
        F("clone", "<(oa)-:o>", (_, a) => Obj.DeepCopy(Arg(a, 0))),

        // Date/time
        F("millis", "<:n>", (ctx, _) => State(ctx).Millis),
        F("now", "<s?s?:s>", NowFunction),
        F("fromMillis", "<n-s?s?:s>", FromMillisFunction),
        F("toMillis", "<s-s?:n>", ToMillisFunction),
    ];

    /// <summary>The frame binding every function of <see cref="All"/>; the root of each evaluation's scope.</summary>
    public static Frame Frame { get; } = CreateFrame();

    /// <summary>
    /// <c>| pattern | update, delete |</c> evaluates to this function; its implementation closes over the expression
    /// and its frame, so it is bound when the transform expression is evaluated rather than in <see cref="Frame"/>.
    /// </summary>
    public static NativeFunction Transform(Func<CallContext, object?[], object?> impl) => new("transform", TransformSignature, impl);

    private static Frame CreateFrame()
    {
        var frame = new Frame(null, null);
        foreach (var f in All)
        {
            frame.Bind(f.Name, f);
        }

        return frame;
    }

    private static NativeFunction F(string name, string signature, Func<CallContext, object?[], object?> impl, int trailingOptions = 0) =>
        new(name, Signature.Parse(signature), impl, trailingOptions);

    private static object? Arg(object?[] args, int i) => i < args.Length ? args[i] : null;
}
