using System.Globalization;
using System.Text;
using Jsonata.Engine;

namespace Jsonata.Functions;

/// <summary>$formatInteger: XPath F&amp;O format-integer pictures (decimal digit patterns, A/a, I/i, W/w/Ww, ;o).</summary>
internal static partial class Library
{
    private static readonly string[] Few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] OrdinalWords =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];

    private static readonly string[] OrdinalTens =
        ["Twentieth", "Thirtieth", "Fortieth", "Fiftieth", "Sixtieth", "Seventieth", "Eightieth", "Ninetieth"];

    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    private static readonly (int Value, string Letters)[] RomanNumerals =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    private static object? FormatInteger(object? valueArg, string picture)
    {
        if (valueArg is not double raw)
        {
            return null;
        }

        var value = Math.Floor(raw);
        var negative = value < 0;
        value = Math.Abs(value);
        var semicolon = picture.LastIndexOf(';');
        var primary = semicolon == -1 ? picture : picture[..semicolon];
        var ordinal = semicolon != -1 && picture.Length > semicolon + 1 && picture[semicolon + 1] == 'o';
        var formatted = primary switch
        {
            "A" => Letters(value, 'A'),
            "a" => Letters(value, 'a'),
            "I" => Roman(value).ToUpperInvariant(),
            "i" => Roman(value),
            "W" => Words(value, false, ordinal).ToUpperInvariant(),
            "w" => Words(value, false, ordinal).ToLowerInvariant(),
            "Ww" => Words(value, false, ordinal),
            _ => DecimalPicture(value, primary, ordinal),
        };
        return negative ? "-" + formatted : formatted;
    }

    private static string Letters(double value, char a)
    {
        var letters = new StringBuilder();
        while (value > 0)
        {
            letters.Insert(0, (char)(((value - 1) % 26) + a));
            value = Math.Floor((value - 1) / 26);
        }

        return letters.ToString();
    }

    private static string Roman(double value)
    {
        var sb = new StringBuilder();
        foreach (var (n, letters) in RomanNumerals)
        {
            while (value >= n)
            {
                sb.Append(letters);
                value -= n;
            }
        }

        return sb.ToString();
    }

    private static string Words(double num, bool prev, bool ord)
    {
        if (num <= 19)
        {
            return (prev ? " and " : string.Empty) + (ord ? OrdinalWords[(int)num] : Few[(int)num]);
        }

        if (num < 100)
        {
            var tens = (int)Math.Floor(num / 10);
            var remainder = num % 10;
            var words = (prev ? " and " : string.Empty) + (ord && remainder == 0 ? OrdinalTens[tens - 2] : Decades[tens - 2]);
            return remainder > 0 ? words + "-" + Words(remainder, false, ord) : words;
        }

        if (num < 1000)
        {
            var hundreds = (int)Math.Floor(num / 100);
            var remainder = num % 100;
            var words = (prev ? ", " : string.Empty) + Few[hundreds] + " Hundred";
            if (remainder == 0 && ord)
            {
                words += "th";
            }

            return remainder > 0 ? words + Words(remainder, true, ord) : words;
        }

        var mag = (int)Math.Floor(Math.Log10(num) / 3);
        if (mag > Magnitudes.Length)
        {
            mag = Magnitudes.Length;
        }

        var factor = Math.Pow(10, mag * 3);
        var mant = Math.Floor(num / factor);
        var rest = num - (mant * factor);
        var result = (prev ? ", " : string.Empty) + Words(mant, false, false) + " " + Magnitudes[mag - 1];
        if (rest == 0 && ord)
        {
            result += "th";
        }

        return rest > 0 ? result + Words(rest, true, ord) : result;
    }

    private static string DecimalPicture(double value, string picture, bool ordinal)
    {
        int? zeroCode = null;
        var mandatoryDigits = 0;
        var separatorPosition = 0;
        var separators = new List<(int Position, string Character)>();
        var runes = picture.EnumerateRunes().Reverse().ToList();
        foreach (var rune in runes)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(rune.ToString(), 0);
            if (digit >= 0)
            {
                mandatoryDigits++;
                separatorPosition++;
                var group = rune.Value - digit;
                if (zeroCode == null)
                {
                    zeroCode = group;
                }
                else if (group != zeroCode)
                {
                    throw Errors.MixedDecimalGroups();
                }
            }
            else if (rune.Value == '#')
            {
                separatorPosition++;
            }
            else
            {
                separators.Add((separatorPosition, rune.ToString()));
            }
        }

        if (mandatoryDigits == 0)
        {
            throw Errors.IntegerPictureUnsupported(picture);
        }

        var digits = ((long)value).ToString(CultureInfo.InvariantCulture);
        if (value >= 1e18)
        {
            digits = value.ToString("F0", CultureInfo.InvariantCulture);
        }

        if (digits.Length < mandatoryDigits)
        {
            digits = new string('0', mandatoryDigits - digits.Length) + digits;
        }

        var formatted = digits;
        if (zeroCode != '0')
        {
            var sb = new StringBuilder();
            foreach (var c in digits)
            {
                sb.Append(char.ConvertFromUtf32(c - '0' + zeroCode!.Value));
            }

            formatted = sb.ToString();
        }

        var chars = formatted.EnumerateRunes().Select(r => r.ToString()).ToList();
        var regular = RegularRepeat(separators);
        if (regular > 0)
        {
            var n = (chars.Count - 1) / regular;
            for (var i = n; i > 0; i--)
            {
                chars.Insert(chars.Count - (i * regular), separators[0].Character);
            }
        }
        else
        {
            foreach (var (position, character) in Enumerable.Reverse(separators))
            {
                var pos = chars.Count - position;
                if (pos >= 0)
                {
                    chars.Insert(pos, character);
                }
            }
        }

        formatted = string.Concat(chars);
        if (ordinal)
        {
            var last = formatted[^1];
            var suffix = last switch { '1' => "st", '2' => "nd", '3' => "rd", _ => "th" };
            if (formatted.Length > 1 && formatted[^2] == '1')
            {
                suffix = "th";
            }

            formatted += suffix;
        }

        return formatted;
    }

    private static int RegularRepeat(List<(int Position, string Character)> separators)
    {
        if (separators.Count == 0 || separators.Exists(s => s.Character != separators[0].Character))
        {
            return 0;
        }

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
        var factor = separators.Select(s => s.Position).Aggregate(Gcd);
        for (var index = 1; index <= separators.Count; index++)
        {
            if (!separators.Exists(s => s.Position == index * factor))
            {
                return 0;
            }
        }

        return factor;
    }
}
