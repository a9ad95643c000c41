using System.Globalization;

namespace Fota.Api.Storage;

/// <summary>Timestamps the service makes itself: UTC, milliseconds, 'Z' (JavaScript's toISOString).</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
