using System.Text.RegularExpressions;

namespace Fota.Api.Devices;

/// <summary>Device fingerprints: <c>&lt;hex&gt;.&lt;6 chars&gt;</c>, compared case-insensitively.</summary>
public static partial class Fingerprints
{
    public const string Pattern = "^[A-F0-9]+\\.[ABCDEFGHIJKMNPQRSTUVWXYZ2-9]{6}$";

    // Pattern with \z: in .NET, $ also matches before a final newline.
    private const string AnchoredPattern = "^[A-F0-9]+\\.[ABCDEFGHIJKMNPQRSTUVWXYZ2-9]{6}\\z";

    /// <summary>The characters of the part after the dot (no L, O, 0, 1: easy to read aloud).</summary>
    public const string CodeAlphabet = "ABCDEFGHIJKMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// ASCII only: the case-insensitive match alone would also take look-alikes such as the Kelvin sign (U+212A) for a K.
    /// </summary>
    public static bool IsValid(string? fingerprint) =>
        fingerprint is not null && System.Text.Ascii.IsValid(fingerprint) && FingerprintRegex().IsMatch(fingerprint);

    public static bool AreEqual(string stored, string given) => string.Equals(stored, given, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(AnchoredPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintRegex();
}
