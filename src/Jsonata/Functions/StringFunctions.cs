using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    /// <summary>$substringBefore/$substringAfter: a part of <paramref name="arg"/> around the first occurrence of <paramref name="chars"/>, or all of it.</summary>
    private static string? AroundFirst(object? arg, object? chars, Func<string, int, string, string> part)
    {
        if (arg is not string s)
        {
            return null;
        }

        if (chars is not string c)
        {
            return s;
        }

        var pos = s.IndexOf(c, StringComparison.Ordinal);
        return pos > -1 ? part(s, pos, c) : s;
    }

    private static object? ContainsFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string s)
        {
            return null;
        }

        return Arg(a, 1) switch
        {
            string token => Boxes.Bool(s.Contains(token, StringComparison.Ordinal)),
            JFunction matcher => Boxes.Bool(Matches(ctx, matcher, s, "contains").Any()),
            _ => null,
        };
    }

    private static object? JoinFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList list)
        {
            return null;
        }

        var sep = Arg(a, 1) as string ?? string.Empty;
        return string.Join(sep, list.Select(x => (string)x!));
    }

    public static object? StringFn(object? arg, bool pretty)
    {
        switch (arg)
        {
            case null:
                return null;
            case string s:
                return s;
            case JFunction:
                return string.Empty;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                throw Errors.StringOfNonFinite();
            case JList { OuterWrapper: true } w when w.Count > 0:
                return ValueConversion.Stringify(w[0], pretty);
            default:
                return ValueConversion.Stringify(arg, pretty);
        }
    }

    public static List<string> CodePoints(string s)
    {
        var result = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                result.Add(s[i].ToString());
            }
        }

        return result;
    }

    private static string? Substring(string? s, object? startArg, object? lengthArg)
    {
        if (s == null)
        {
            return null;
        }

        var chars = CodePoints(s);
        var len = chars.Count;
        var start = (int)Math.Truncate((double)startArg!);
        if (len + start < 0)
        {
            start = 0;
        }

        int end;
        if (lengthArg is double l)
        {
            if (l <= 0)
            {
                return string.Empty;
            }

            end = start >= 0 ? start + (int)Math.Truncate(l) : len + start + (int)Math.Truncate(l);
        }
        else
        {
            end = len;
        }

        // JavaScript Array.prototype.slice semantics
        var from = start < 0 ? Math.Max(len + start, 0) : Math.Min(start, len);
        var to = end < 0 ? Math.Max(len + end, 0) : Math.Min(end, len);
        var sb = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            sb.Append(chars[i]);
        }

        return sb.ToString();
    }

    private static string Trim(string s)
    {
        var result = Regex.Replace(s, "[ \t\n\r]+", " ");
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static string? Pad(string? s, object? widthArg, string? padChar)
    {
        if (s == null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(padChar))
        {
            padChar = " ";
        }

        var width = (int)Math.Truncate((double)widthArg!);
        var padLength = Math.Abs(width) - CodePoints(s).Count;
        if (padLength <= 0)
        {
            return s;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < padLength; i++)
        {
            sb.Append(padChar);
        }

        var padding = padChar.Length > 1 ? Substring(sb.ToString(), 0d, (double)padLength)! : sb.ToString();
        return width > 0 ? s + padding : padding + s;
    }

    private static object? Split(CallContext ctx, string? s, object? separator, object? limitArg)
    {
        if (s == null)
        {
            return null;
        }

        var limit = limitArg is double l ? (int)Math.Truncate(l) : int.MaxValue;
        if (limitArg is double ld && ld < 0)
        {
            throw Errors.SplitLimitNegative();
        }

        var result = new JList();
        if (limit == 0)
        {
            return result;
        }

        if (separator is string sep)
        {
            if (sep.Length == 0)
            {
                foreach (var c in s)
                {
                    result.Add(c.ToString());
                }
            }
            else
            {
                foreach (var part in s.Split(sep))
                {
                    result.Add(part);
                }
            }
        }
        else if (separator is JFunction matcher)
        {
            var pos = 0;
            foreach (var m in Matches(ctx, matcher, s, "split"))
            {
                if (result.Count >= limit)
                {
                    break;
                }

                result.Add(s[pos..m.Index]);
                pos = m.Index + m.Value.Length;
            }

            result.Add(s[pos..]);
        }

        if (result.Count > limit)
        {
            result.RemoveRange(limit, result.Count - limit);
        }

        return result;
    }

    private static object? MatchFn(CallContext ctx, string? s, object? pattern, object? limitArg)
    {
        if (s == null)
        {
            return null;
        }

        if (limitArg is double l && l < 0)
        {
            throw Errors.MatchLimitNegative();
        }

        var limit = limitArg is double ld ? (int)Math.Truncate(ld) : int.MaxValue;
        var result = JList.NewSequence();
        if (limit == 0)
        {
            return result;
        }

        foreach (var m in Matches(ctx, (JFunction)pattern!, s, "match"))
        {
            result.Add(m.ToObject());
            if (result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }

    private static object? Replace(CallContext ctx, string? s, object? pattern, object? replacement, object? limitArg)
    {
        if (s == null)
        {
            return null;
        }

        if (pattern is "")
        {
            throw Errors.ReplaceEmptyPattern();
        }

        if (limitArg is double l && l < 0)
        {
            throw Errors.ReplaceLimitNegative();
        }

        var limit = limitArg is double ld ? (int)Math.Truncate(ld) : int.MaxValue;
        var sb = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var rep = replacement as string ?? throw Errors.ReplacementNotString();
            var index = s.IndexOf(p, StringComparison.Ordinal);
            while (index != -1 && count < limit)
            {
                sb.Append(s, position, index - position).Append(rep);
                position = index + p.Length;
                count++;
                index = s.IndexOf(p, position, StringComparison.Ordinal);
            }

            sb.Append(s, position, s.Length - position);
            return sb.ToString();
        }

        if (limit == 0)
        {
            return s;
        }

        foreach (var m in Matches(ctx, (JFunction)pattern!, s, "replace"))
        {
            sb.Append(s, position, m.Index - position);
            if (replacement is string template)
            {
                sb.Append(Substitute(template, m));
            }
            else
            {
                var replaced = ctx.Call((JFunction)replacement!, m.ToObject());
                if (replaced is not string r)
                {
                    throw Errors.ReplacementResultNotString();
                }

                sb.Append(r);
            }

            position = m.Index + m.Value.Length;
            count++;
            if (count >= limit)
            {
                break;
            }
        }

        sb.Append(s, position, s.Length - position);
        return sb.ToString();
    }

    private static string Substitute(string replacement, MatchInfo m)
    {
        var groupCount = m.Groups.Count;
        var sb = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            sb.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                sb.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                sb.Append(m.Value);
                position++;
            }
            else
            {
                var maxDigits = groupCount == 0 ? 1 : (int)Math.Floor(Math.Log10(groupCount)) + 1;
                var digits = TakeDigits(replacement, position, maxDigits);
                if (maxDigits > 1 && digits.Length > 0 && int.Parse(digits, CultureInfo.InvariantCulture) > groupCount)
                {
                    digits = TakeDigits(replacement, position, maxDigits - 1);
                }

                if (digits.Length > 0)
                {
                    var groupIndex = int.Parse(digits, CultureInfo.InvariantCulture);
                    if (groupCount > 0 && groupIndex >= 1 && groupIndex <= groupCount && m.Groups[groupIndex - 1] is string group)
                    {
                        sb.Append(group);
                    }

                    position += groupIndex.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    sb.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        sb.Append(replacement, position, replacement.Length - position);
        return sb.ToString();
    }

    private static string TakeDigits(string s, int start, int max)
    {
        var end = start;
        while (end < s.Length && end - start < max && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        return s[start..end];
    }

    private static string UrlEncode(string s, string unreserved)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || unreserved.Contains(c))
            {
                sb.Append(c);
                continue;
            }

            string chunk;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw Errors.MalformedUrlToEncode();
                }

                chunk = s.Substring(i, 2);
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw Errors.MalformedUrlToEncode();
            }
            else
            {
                chunk = c.ToString();
            }

            foreach (var b in Encoding.UTF8.GetBytes(chunk))
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string UrlDecode(string s, string function, string reserved)
    {
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                i++;
                continue;
            }

            bytes.Clear();
            var start = i;
            while (i < s.Length && s[i] == '%')
            {
                if (i + 3 > s.Length)
                {
                    throw Errors.MalformedUrl(function, s);
                }

                if (!byte.TryParse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                {
                    throw Errors.MalformedUrl(function, s);
                }

                bytes.Add(b);
                i += 3;
            }

            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString([.. bytes]);
            }
            catch (DecoderFallbackException)
            {
                throw Errors.MalformedUrl(function, s);
            }

            if (decoded.Length == 1 && reserved.Contains(decoded[0]))
            {
                sb.Append(s, start, i - start);
            }
            else
            {
                sb.Append(decoded);
            }
        }

        return sb.ToString();
    }

    private static object? EvalFn(CallContext ctx, string? expression, object? focus, bool hasFocus)
    {
        if (expression == null)
        {
            return null;
        }

        Node ast;
        try
        {
            ast = Parser.Parse(expression);
        }
        catch (JsonataException e)
        {
            throw Errors.EvalSyntaxError(e.Detail);
        }

        _ = hasFocus;
        try
        {
            var input = focus;
            if (input is JList list && !list.Sequence)
            {
                input = JList.Wrap(list);
            }

            return Evaluator.Evaluate(ast, input, ctx.Env);
        }
        catch (JsonataException e)
        {
            throw Errors.EvalError(e.Detail);
        }
    }
}
