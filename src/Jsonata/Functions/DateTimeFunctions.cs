using System.Globalization;
using System.Text.RegularExpressions;
using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private static readonly Regex Iso8601 = new(
        @"^(\d{4})(?:-([01]\d))?(?:-([0-3]\d))?(?:T([0-2]\d):([0-5]\d):([0-5]\d))?(\.\d+)?(Z|[+-][0-2]\d:?[0-5]\d)?$",
        RegexOptions.CultureInvariant);

    private static object? NowFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) != null || Arg(a, 1) != null)
        {
            throw Errors.PictureUnsupported("$now");
        }

        return FormatIso(State(ctx).Millis);
    }

    private static object? FromMillisFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not double millis)
        {
            return null;
        }

        if (Arg(a, 1) != null || Arg(a, 2) != null)
        {
            throw Errors.PictureUnsupported("$fromMillis");
        }

        return FormatIso(millis);
    }

    private static object? ToMillisFunction(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string timestamp)
        {
            return null;
        }

        if (Arg(a, 1) != null)
        {
            throw Errors.PictureUnsupported("$toMillis");
        }

        return ParseIso(timestamp);
    }

    private static EvalState State(CallContext ctx) =>
        ctx.Env.State ?? throw Errors.NoEvaluationState();

    /// <summary>ISO 8601 UTC with milliseconds, like JavaScript's Date.toISOString().</summary>
    public static string FormatIso(double millis)
    {
        var ms = (long)Math.Truncate(millis);
        if (ms < -62135596800000L || ms > 253402300799999L)
        {
            throw Errors.MillisOutOfRange(ValueConversion.FormatNumber(millis));
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static double ParseIso(string timestamp)
    {
        var m = Iso8601.Match(timestamp);
        if (!m.Success)
        {
            throw Errors.InvalidTimestamp(timestamp);
        }

        static int Part(Group g, int fallback) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var year = Part(m.Groups[1], 0);
            var month = Part(m.Groups[2], 1);
            var day = Part(m.Groups[3], 1);
            var hour = Part(m.Groups[4], 0);
            var minute = Part(m.Groups[5], 0);
            var second = Part(m.Groups[6], 0);
            var fraction = m.Groups[7].Success ? double.Parse("0" + m.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
            var offset = TimeSpan.Zero;
            if (m.Groups[8].Success && m.Groups[8].Value != "Z")
            {
                var z = m.Groups[8].Value.Replace(":", string.Empty, StringComparison.Ordinal);
                var sign = z[0] == '-' ? -1 : 1;
                offset = TimeSpan.FromMinutes(sign * ((int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(z.AsSpan(3, 2), CultureInfo.InvariantCulture)));
            }

            var dto = new DateTimeOffset(year, month, day, hour, minute, second, offset);
            return dto.ToUnixTimeMilliseconds() + Math.Floor(fraction * 1000);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Errors.InvalidTimestamp(timestamp);
        }
    }
}
