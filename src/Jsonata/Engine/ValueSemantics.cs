using System.Text.RegularExpressions;

namespace Jsonata.Engine;

/// <summary>Value semantics shared by operators and functions: truthiness, string conversion, append.</summary>
internal static class ValueSemantics
{
    /// <summary>$boolean semantics; null for undefined.</summary>
    public static bool? ToBoolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case JList list:
                if (list.Count == 1)
                {
                    return ToBoolean(list[0]);
                }

                foreach (var item in list)
                {
                    if (ToBoolean(item) == true)
                    {
                        return true;
                    }
                }

                return false;
            case string s:
                return s.Length > 0;
            case double d:
                return d != 0;
            case bool b:
                return b;
            case JNull:
                return false;
            case JFunction:
                return false;
            default:
                return Obj.IsObject(arg) && Obj.Count(arg) > 0;
        }
    }

    /// <summary>$string semantics for a defined value; empty string for undefined (as used by &amp;).</summary>
    public static string StringOf(object? arg) => arg switch
    {
        null => string.Empty,
        string s => s,
        JFunction => string.Empty,
        double d when double.IsNaN(d) || double.IsInfinity(d) => throw Errors.StringOfNonFinite(),
        JList { OuterWrapper: true } w when w.Count > 0 => ValueConversion.Stringify(w[0], false),
        _ => ValueConversion.Stringify(arg, false),
    };

    public static object? Append(object? arg1, object? arg2)
    {
        if (arg1 == null)
        {
            return arg2;
        }

        if (arg2 == null)
        {
            return arg1;
        }

        var result = new JList();
        if (arg1 is JList l1)
        {
            result.AddRange(l1);
        }
        else
        {
            result.Add(arg1);
        }

        if (arg2 is JList l2)
        {
            result.AddRange(l2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }

    public static JObject MatchObject(Match m)
    {
        var groups = new JList();
        for (var i = 1; i < m.Groups.Count; i++)
        {
            groups.Add(m.Groups[i].Success ? m.Groups[i].Value : string.Empty);
        }

        return new JObject { ["match"] = m.Value, ["index"] = (double)m.Index, ["groups"] = groups };
    }
}
