using System.ComponentModel.DataAnnotations;
using MockNrfCloud.Simulator;

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

    /// <summary>Queue (answers only what tests queued) or Simulator (a stateful nRF Cloud, SPEC 4.1; queued responses still answer first).</summary>
    public MockMode Mode { get; set; } = MockMode.Queue;

    /// <summary>Section "Mock:Simulator": used in <see cref="MockMode.Simulator"/> only.</summary>
    public SimulatorOptions Simulator { get; set; } = new();
}

/// <summary>How the mock answers an nRF Cloud request nothing was queued for.</summary>
public enum MockMode
{
    /// <summary>404 naming what is queued.</summary>
    Queue,

    /// <summary>The simulated nRF Cloud answers.</summary>
    Simulator,
}
