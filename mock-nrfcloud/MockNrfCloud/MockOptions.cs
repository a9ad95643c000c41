using System.ComponentModel.DataAnnotations;

namespace MockNrfCloud;

/// <summary>Configuration section "Mock".</summary>
public sealed class MockOptions
{
    public const string SectionName = "Mock";

    /// <summary>Bearer token the admin API (/mock/...) requires; null or empty = admin API open.</summary>
    public string? AdminToken { get; set; }

    /// <summary>How many recorded nRF Cloud requests the journal keeps (oldest dropped first).</summary>
    [Range(1, 10_000_000)]
    public int JournalLimit { get; set; } = 10_000;
}
