using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jsonata.Engine;

/// <summary>Conversions between System.Text.Json nodes and runtime values, and JavaScript-compatible formatting.</summary>
internal static class ValueConversion
{
    /// <summary>Input node to runtime value. Objects stay as <see cref="JsonObject"/> (read lazily); arrays become <see cref="JList"/>.</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JNull.Value;
            case JsonObject:
                return node;
            case JsonArray array:
                var list = new JList(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromNode(item));
                }

                return list;
            case JsonValue value:
                return FromValue(value);
            default:
                return JNull.Value;
        }
    }

    private static object? FromValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (value.TryGetValue<string>(out var s))
                {
                    return s;
                }

                return JsonSerializer.Deserialize<string>(value.ToJsonString());
            case JsonValueKind.Number:
                if (value.TryGetValue<double>(out var d))
                {
                    return d;
                }

                if (value.TryGetValue<long>(out var l))
                {
                    return (double)l;
                }

                if (value.TryGetValue<int>(out var i))
                {
                    return (double)i;
                }

                if (value.TryGetValue<decimal>(out var m))
                {
                    return (double)m;
                }

                return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return Boxes.True;
            case JsonValueKind.False:
                return Boxes.False;
            case JsonValueKind.Null:
                return JNull.Value;
            default:
                return JNull.Value;
        }
    }

    /// <summary>Runtime value to an output node. Returns false when the value is undefined (or a function at top level).</summary>
    public static bool TryToNode(object? value, out JsonNode? node)
    {
        node = null;
        switch (value)
        {
            case null:
            case JFunction:
                return false;
            case JNull:
                return true;
            case double d:
                node = NumberNode(d);
                return true;
            case string s:
                node = JsonValue.Create(s);
                return true;
            case bool b:
                node = JsonValue.Create(b);
                return true;
            case JList list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(TryToNode(item, out var child) ? child : null);
                }

                node = array;
                return true;
            case JsonObject input:
                node = input.DeepClone();
                return true;
            case JObject obj:
                var result = new JsonObject();
                foreach (var kv in obj)
                {
                    if (TryToNode(kv.Value, out var child))
                    {
                        result[kv.Key] = child;
                    }
                }

                node = result;
                return true;
            case JTuple tuple:
                return TryToNode(tuple.Context, out node);
            default:
                throw Errors.UnsupportedValue(value.GetType());
        }
    }

    private static JsonNode NumberNode(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw Errors.NumberOutOfRange(FormatNumber(d));
        }

        if (Math.Floor(d) == d && Math.Abs(d) < 9007199254740992d)
        {
            return JsonValue.Create((long)d);
        }

        return JsonValue.Create(d);
    }

    /// <summary>Formats a double the way JavaScript's Number.prototype.toString does.</summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Infinity";
        }

        if (d == 0)
        {
            return "0";
        }

        if (Math.Floor(d) == d && Math.Abs(d) < 1e15)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        // shortest round-trip digits and exponent
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
        {
            shortest = shortest[1..];
        }

        string mantissa;
        int exp;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            mantissa = shortest[..ePos];
            exp = int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp = 0;
        }

        // digits without the decimal point, and the position of the point
        var dot = mantissa.IndexOf('.');
        string digits;
        int pointPos;
        if (dot >= 0)
        {
            digits = mantissa[..dot] + mantissa[(dot + 1)..];
            pointPos = dot + exp;
        }
        else
        {
            digits = mantissa;
            pointPos = mantissa.Length + exp;
        }

        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPos--;
        }

        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var k = digits.Length;
        var n = pointPos; // value = 0.digits * 10^n
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Rounds to 15 significant digits like Number(x.toPrecision(15)).</summary>
    public static double Precision15(double d)
    {
        if (d == 0 || double.IsNaN(d) || double.IsInfinity(d))
        {
            return d;
        }

        return double.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>JSON.stringify as used by $string: numbers to 15 significant digits, functions as "".</summary>
    public static string Stringify(object? value, bool pretty)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value, pretty, 0);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? value, bool pretty, int indent)
    {
        switch (value)
        {
            case null:
            case JNull:
                sb.Append("null");
                break;
            case JFunction:
                sb.Append("\"\"");
                break;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw Errors.NumberOutOfRange(FormatNumber(d));
                }

                sb.Append(FormatNumber(Math.Floor(d) == d ? d : Precision15(d)));

                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case JList list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, pretty, indent + 1);
                    WriteJson(sb, list[i], pretty, indent + 1);
                }

                NewLine(sb, pretty, indent);
                sb.Append(']');
                break;
            case JTuple tuple:
                WriteJson(sb, tuple.Context, pretty, indent);
                break;
            default:
                if (Obj.IsObject(value))
                {
                    var first = true;
                    sb.Append('{');
                    foreach (var kv in Obj.Entries(value))
                    {
                        if (kv.Value is null)
                        {
                            continue;
                        }

                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        NewLine(sb, pretty, indent + 1);
                        WriteString(sb, kv.Key);
                        sb.Append(pretty ? ": " : ":");
                        WriteJson(sb, kv.Value, pretty, indent + 1);
                    }

                    if (!first)
                    {
                        NewLine(sb, pretty, indent);
                    }

                    sb.Append('}');
                }
                else
                {
                    sb.Append("null");
                }

                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int indent)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
