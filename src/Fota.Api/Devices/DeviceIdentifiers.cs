using System.Security.Cryptography;
using System.Text;

namespace Fota.Api.Devices;

/// <summary>Generates what an operator did not give when registering a device.</summary>
public static class DeviceIdentifiers
{
    /// <summary><c>oob-</c> and a 15-digit IMEI-like number whose last digit is a Luhn check digit.</summary>
    public static string NewDeviceId()
    {
        var digits = new StringBuilder("35", 15);
        while (digits.Length < 14)
        {
            digits.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        }

        digits.Append((char)('0' + LuhnCheckDigit(digits.ToString())));
        return "oob-" + digits;
    }

    /// <summary>Three lower-case hex digits, a dot and six characters of <see cref="Fingerprints.CodeAlphabet"/>, e.g. <c>92b.y7i24q</c>.</summary>
    public static string NewFingerprint()
    {
        var fingerprint = new StringBuilder(10);
        for (var i = 0; i < 3; i++)
        {
            fingerprint.Append("0123456789abcdef"[RandomNumberGenerator.GetInt32(16)]);
        }

        fingerprint.Append('.');
        for (var i = 0; i < 6; i++)
        {
            fingerprint.Append(char.ToLowerInvariant(Fingerprints.CodeAlphabet[RandomNumberGenerator.GetInt32(Fingerprints.CodeAlphabet.Length)]));
        }

        return fingerprint.ToString();
    }

    internal static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
