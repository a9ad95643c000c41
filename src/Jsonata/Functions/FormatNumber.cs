using System.Globalization;
using System.Text;
using Jsonata.Engine;

namespace Jsonata.Functions;

/// <summary>$formatNumber: XPath F&amp;O 4.7 format-number pictures with optional decimal-format properties.</summary>
internal static partial class Library
{
    private sealed record PictureParts(
        string Prefix, string Suffix, string ActivePart, string MantissaPart, string? ExponentPart,
        string IntegerPart, string FractionalPart, string Subpicture);

    private sealed class PictureVariables
    {
        public List<int> IntegerGroupingPositions { get; init; } = [];

        public int RegularGrouping { get; init; }

        public int MinimumIntegerPartSize { get; init; }

        public int ScalingFactor { get; init; }

        public string Prefix { get; set; } = string.Empty;

        public List<int> FractionalGroupingPositions { get; init; } = [];

        public int MinimumFractionalPartSize { get; init; }

        public int MaximumFractionalPartSize { get; init; }

        public int MinimumExponentSize { get; init; }

        public string Suffix { get; init; } = string.Empty;

        public string Picture { get; init; } = string.Empty;
    }

    private static object? FormatNumber(object? valueArg, string picture, object? options)
    {
        if (valueArg is not double value)
        {
            return null;
        }

        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decimal-separator"] = ".",
            ["grouping-separator"] = ",",
            ["exponent-separator"] = "e",
            ["infinity"] = "Infinity",
            ["minus-sign"] = "-",
            ["NaN"] = "NaN",
            ["percent"] = "%",
            ["per-mille"] = "\u2030",
            ["zero-digit"] = "0",
            ["digit"] = "#",
            ["pattern-separator"] = ";",
        };
        if (options != null && Obj.IsObject(options))
        {
            foreach (var kv in Obj.Entries(options))
            {
                if (kv.Value is string s)
                {
                    props[kv.Key] = s;
                }
            }
        }

        var zeroChar = props["zero-digit"][0];
        var family = Enumerable.Range(0, 10).Select(i => ((char)(zeroChar + i)).ToString()).ToList();
        var decimalSep = props["decimal-separator"];
        var groupSep = props["grouping-separator"];
        var expSep = props["exponent-separator"];
        var digitSign = props["digit"];
        var percent = props["percent"];
        var perMille = props["per-mille"];
        var minus = props["minus-sign"];
        var active = new List<string>(family) { decimalSep, expSep, groupSep, digitSign, props["pattern-separator"] };
        bool IsActive(char c) => active.Contains(c.ToString());
        bool IsDigit(char c) => family.Contains(c.ToString());
        int CountDigits(string s) => s.Count(IsDigit);
        int CountDigitsOrOptional(string s) => s.Count(c => IsDigit(c) || c.ToString() == digitSign);

        var subPictures = picture.Split(props["pattern-separator"]);
        if (subPictures.Length > 2)
        {
            throw Errors.TwoPatternSeparators();
        }

        PictureParts Split(string sub)
        {
            var prefix = string.Empty;
            for (var i = 0; i < sub.Length; i++)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != expSep)
                {
                    prefix = sub[..i];
                    break;
                }
            }

            var suffix = string.Empty;
            for (var i = sub.Length - 1; i >= 0; i--)
            {
                if (IsActive(sub[i]) && sub[i].ToString() != expSep)
                {
                    suffix = sub[(i + 1)..];
                    break;
                }
            }

            var activePart = prefix.Length <= sub.Length - suffix.Length ? sub[prefix.Length..(sub.Length - suffix.Length)] : string.Empty;
            string mantissaPart;
            string? exponentPart;
            var exponentPosition = sub.IndexOf(expSep, prefix.Length, StringComparison.Ordinal);
            if (exponentPosition == -1 || exponentPosition > sub.Length - suffix.Length)
            {
                mantissaPart = activePart;
                exponentPart = null;
            }
            else
            {
                mantissaPart = activePart[..Math.Min(exponentPosition, activePart.Length)];
                exponentPart = exponentPosition + 1 <= activePart.Length ? activePart[(exponentPosition + 1)..] : string.Empty;
            }

            var decimalPosition = mantissaPart.IndexOf(decimalSep, StringComparison.Ordinal);
            string integerPart, fractionalPart;
            if (decimalPosition == -1)
            {
                integerPart = mantissaPart;
                fractionalPart = suffix;
            }
            else
            {
                integerPart = mantissaPart[..decimalPosition];
                fractionalPart = mantissaPart[(decimalPosition + 1)..];
            }

            return new PictureParts(prefix, suffix, activePart, mantissaPart, exponentPart, integerPart, fractionalPart, sub);
        }

        void Validate(PictureParts parts)
        {
            string? error = null;
            var sub = parts.Subpicture;
            var decimalPos = sub.IndexOf(decimalSep, StringComparison.Ordinal);
            if (decimalPos != sub.LastIndexOf(decimalSep, StringComparison.Ordinal))
            {
                error = "D3081";
            }

            if (sub.IndexOf(percent, StringComparison.Ordinal) != sub.LastIndexOf(percent, StringComparison.Ordinal))
            {
                error = "D3082";
            }

            if (sub.IndexOf(perMille, StringComparison.Ordinal) != sub.LastIndexOf(perMille, StringComparison.Ordinal))
            {
                error = "D3083";
            }

            if (sub.Contains(percent, StringComparison.Ordinal) && sub.Contains(perMille, StringComparison.Ordinal))
            {
                error = "D3084";
            }

            if (!parts.MantissaPart.Any(c => IsDigit(c) || c.ToString() == digitSign))
            {
                error = "D3085";
            }

            if (parts.ActivePart.Any(c => !IsActive(c)))
            {
                error = "D3086";
            }

            if (decimalPos != -1)
            {
                if ((decimalPos > 0 && sub[decimalPos - 1].ToString() == groupSep) || (decimalPos + 1 < sub.Length && sub[decimalPos + 1].ToString() == groupSep))
                {
                    error = "D3087";
                }
            }
            else if (parts.IntegerPart.Length > 0 && parts.IntegerPart[^1].ToString() == groupSep)
            {
                error = "D3088";
            }

            if (sub.Contains(groupSep + groupSep, StringComparison.Ordinal))
            {
                error = "D3089";
            }

            var optionalPos = parts.IntegerPart.IndexOf(digitSign, StringComparison.Ordinal);
            if (optionalPos != -1 && parts.IntegerPart[..optionalPos].Any(IsDigit))
            {
                error = "D3090";
            }

            optionalPos = parts.FractionalPart.LastIndexOf(digitSign, StringComparison.Ordinal);
            if (optionalPos != -1 && parts.FractionalPart[optionalPos..].Any(IsDigit))
            {
                error = "D3091";
            }

            var exponentExists = parts.ExponentPart != null;
            if (exponentExists && parts.ExponentPart!.Length > 0 && (sub.Contains(percent, StringComparison.Ordinal) || sub.Contains(perMille, StringComparison.Ordinal)))
            {
                error = "D3092";
            }

            if (exponentExists && (parts.ExponentPart!.Length == 0 || parts.ExponentPart.Any(c => !IsDigit(c))))
            {
                error = "D3093";
            }

            if (error != null)
            {
                throw Errors.InvalidNumberPicture(error, sub);
            }
        }

        PictureVariables Analyse(PictureParts parts)
        {
            List<int> GroupingPositions(string part, bool toLeft)
            {
                var positions = new List<int>();
                var pos = part.IndexOf(groupSep, StringComparison.Ordinal);
                while (pos != -1)
                {
                    var chars = toLeft ? part[..pos] : part[pos..];
                    positions.Add(CountDigitsOrOptional(chars));
                    pos = part.IndexOf(groupSep, pos + 1, StringComparison.Ordinal);
                }

                return positions;
            }

            var integerPositions = GroupingPositions(parts.IntegerPart, false);
            var regular = 0;
            if (integerPositions.Count > 0)
            {
                static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
                var factor = integerPositions.Aggregate(Gcd);
                regular = factor;
                for (var index = 1; index <= integerPositions.Count; index++)
                {
                    if (!integerPositions.Contains(index * factor))
                    {
                        regular = 0;
                        break;
                    }
                }
            }

            var minInt = CountDigits(parts.IntegerPart);
            var scaling = minInt;
            var minFrac = CountDigits(parts.FractionalPart);
            var maxFrac = CountDigitsOrOptional(parts.FractionalPart);
            var exponentPresent = parts.ExponentPart != null;
            if (minInt == 0 && maxFrac == 0)
            {
                if (exponentPresent)
                {
                    minFrac = 1;
                    maxFrac = 1;
                }
                else
                {
                    minInt = 1;
                }
            }

            if (exponentPresent && minInt == 0 && parts.IntegerPart.Contains(digitSign, StringComparison.Ordinal))
            {
                minInt = 1;
            }

            if (minInt == 0 && minFrac == 0)
            {
                minFrac = 1;
            }

            return new PictureVariables
            {
                IntegerGroupingPositions = integerPositions,
                RegularGrouping = regular,
                MinimumIntegerPartSize = minInt,
                ScalingFactor = scaling,
                Prefix = parts.Prefix,
                FractionalGroupingPositions = GroupingPositions(parts.FractionalPart, true),
                MinimumFractionalPartSize = minFrac,
                MaximumFractionalPartSize = maxFrac,
                MinimumExponentSize = exponentPresent ? CountDigits(parts.ExponentPart!) : 0,
                Suffix = parts.Suffix,
                Picture = parts.Subpicture,
            };
        }

        var allParts = subPictures.Select(Split).ToList();
        allParts.ForEach(Validate);
        var variables = allParts.Select(Analyse).ToList();
        if (variables.Count == 1)
        {
            var negative = Analyse(allParts[0]);
            negative.Prefix = minus + negative.Prefix;
            variables.Add(negative);
        }

        var pic = value >= 0 ? variables[0] : variables[1];
        double adjusted = pic.Picture.Contains(percent, StringComparison.Ordinal) ? value * 100
            : pic.Picture.Contains(perMille, StringComparison.Ordinal) ? value * 1000
            : value;
        double mantissa;
        int? exponent = null;
        if (pic.MinimumExponentSize == 0)
        {
            mantissa = adjusted;
        }
        else
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            mantissa = adjusted;
            var e = 0;
            while (mantissa != 0 && Math.Abs(mantissa) < minMantissa)
            {
                mantissa *= 10;
                e--;
            }

            while (Math.Abs(mantissa) > maxMantissa)
            {
                mantissa /= 10;
                e++;
            }

            exponent = e;
        }

        var rounded = Round(mantissa, pic.MaximumFractionalPartSize);
        string MakeString(double v, int dp)
        {
            var str = Math.Abs(v).ToString("F" + dp.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (zeroChar != '0')
            {
                str = new string(str.Select(c => c is >= '0' and <= '9' ? (char)(zeroChar + (c - '0')) : c).ToArray());
            }

            return str;
        }

        var zero = zeroChar.ToString();
        var sv = MakeString(rounded, pic.MaximumFractionalPartSize);
        var dot = sv.IndexOf('.', StringComparison.Ordinal);
        sv = dot == -1 ? sv + decimalSep : sv[..dot] + decimalSep + sv[(dot + 1)..];
        while (sv.StartsWith(zero, StringComparison.Ordinal))
        {
            sv = sv[1..];
        }

        while (sv.EndsWith(zero, StringComparison.Ordinal))
        {
            sv = sv[..^1];
        }

        var decimalPos = sv.IndexOf(decimalSep, StringComparison.Ordinal);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (sv.Length - decimalPos - 1);
        sv = (padLeft > 0 ? string.Concat(Enumerable.Repeat(zero, padLeft)) : string.Empty) + sv;
        sv += padRight > 0 ? string.Concat(Enumerable.Repeat(zero, padRight)) : string.Empty;
        decimalPos = sv.IndexOf(decimalSep, StringComparison.Ordinal);
        if (pic.RegularGrouping > 0)
        {
            var groupCount = (decimalPos - 1) / pic.RegularGrouping;
            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                sv = sv[..at] + groupSep + sv[at..];
            }
        }
        else
        {
            foreach (var pos in pic.IntegerGroupingPositions)
            {
                var at = decimalPos - pos;
                if (at >= 0)
                {
                    sv = sv[..at] + groupSep + sv[at..];
                    decimalPos++;
                }
            }
        }

        decimalPos = sv.IndexOf(decimalSep, StringComparison.Ordinal);
        foreach (var pos in pic.FractionalGroupingPositions)
        {
            var at = pos + decimalPos + 1;
            if (at <= sv.Length)
            {
                sv = sv[..at] + groupSep + sv[at..];
            }
        }

        decimalPos = sv.IndexOf(decimalSep, StringComparison.Ordinal);
        if (pic.FractionalGroupingPositions.Count == 0 && decimalPos == sv.Length - decimalSep.Length && pic.MinimumFractionalPartSize == 0)
        {
            sv = sv[..decimalPos];
        }
        else if (decimalPos == sv.Length - decimalSep.Length)
        {
            sv = sv[..decimalPos];
        }

        if (exponent != null)
        {
            var se = MakeString(exponent.Value, 0);
            var pad = pic.MinimumExponentSize - se.Length;
            if (pad > 0)
            {
                se = string.Concat(Enumerable.Repeat(zero, pad)) + se;
            }

            sv = sv + expSep + (exponent < 0 ? minus : string.Empty) + se;
        }

        return new StringBuilder(pic.Prefix).Append(sv).Append(pic.Suffix).ToString();
    }
}
