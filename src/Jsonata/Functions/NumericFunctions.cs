using System.Globalization;
using System.Text.RegularExpressions;
using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static readonly Regex DecimalNumber = new(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex PrefixedNumber = new("^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$", RegexOptions.CultureInvariant);

    private static object? SqrtFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not double d)
        {
            return null;
        }

        if (d < 0)
        {
            throw Errors.SqrtOfNegative(ValueConversion.FormatNumber(d));
        }

        return Math.Sqrt(d);
    }

    private static object? PowerFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not double b)
        {
            return null;
        }

        var result = Math.Pow(b, (double)Arg(a, 1)!);
        if (double.IsNaN(result) || double.IsInfinity(result))
        {
            throw Errors.PowerOutOfRange();
        }

        return result;
    }

    private static double NoNegativeZero(double d) => d == 0 ? 0 : d;

    private static object? NumberFn(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case double d:
                return d;
            case bool b:
                return b ? 1d : 0d;
            case string s when DecimalNumber.IsMatch(s):
                var parsed = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsInfinity(parsed))
                {
                    return parsed;
                }

                break;
            case string s when PrefixedNumber.IsMatch(s):
                var radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                return (double)Convert.ToInt64(s[2..], radix);
        }

        throw Errors.NotANumber(ValueSemantics.StringOf(arg));
    }

    /// <summary>Round half to even at the given decimal precision, shifting via the decimal string like jsonata-js.</summary>
    public static double Round(double arg, int precision)
    {
        var value = arg;
        if (precision != 0)
        {
            value = Shift(arg, precision);
        }

        var result = Math.Floor(value + 0.5);
        var diff = result - value;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = Shift(result, -precision);
        }

        return NoNegativeZero(result);
    }

    private static double Shift(double value, int places)
    {
        var text = ValueConversion.FormatNumber(value);
        var parts = text.Split('e');
        var exp = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) + places : places;
        return double.Parse(parts[0] + "e" + exp.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object? FormatBase(object? valueArg, object? radixArg)
    {
        if (valueArg is not double value)
        {
            return null;
        }

        value = Round(value, 0);
        var radix = radixArg is double r ? (int)r : 10;
        if (radix < 2 || radix > 36)
        {
            throw Errors.RadixOutOfRange(radix);
        }

        var n = (long)Math.Abs(value);
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new List<char>();
        do
        {
            chars.Add(digits[(int)(n % radix)]);
            n /= radix;
        }
        while (n > 0);
        chars.Reverse();
        return (value < 0 ? "-" : string.Empty) + new string([.. chars]);
    }
}
