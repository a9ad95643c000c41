namespace MockNrfCloud.Simulator;

/// <summary>Configuration section "Mock:Simulator" (SPEC 4.1). Durations bind from "hh:mm:ss[.fff]".</summary>
public sealed class SimulatorOptions
{
    /// <summary>Time between a job's steps: QUEUED → IN_PROGRESS → its final status.</summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time from a job's COMPLETED until its devices report the bundle's version.</summary>
    public TimeSpan ReportDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Probability (0–1) that a job ends FAILED, TIMED_OUT or REJECTED instead of COMPLETED.</summary>
    public double FailureRate { get; set; }

    /// <summary>Probability (0–1) that a simulated answer is a transient 503 instead (nothing changes).</summary>
    public double TransientErrorRate { get; set; }

    /// <summary>Seed of every draw (job outcomes, transient errors): the same seed gives the same outcomes.</summary>
    public int Seed { get; set; }

    /// <summary>Added before every simulated answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A JSON file (nRF Cloud's GET /v1/firmwares answer shape) that replaces the default catalogue.</summary>
    public string? Catalogue { get; set; }

    /// <summary>A JSON file seeding devices: an array of {"apiKey", "devices": [{"id", "appVersion", …}]}.</summary>
    public string? Devices { get; set; }

    /// <summary>Throws naming the key when a value is out of range.</summary>
    public void Validate()
    {
        // "5" binds as 5 days: a bound of one day catches it with a hint at the format.
        Check(StepDelay >= TimeSpan.Zero && StepDelay <= TimeSpan.FromDays(1), $"Mock:Simulator:StepDelay must be from 0 to 1 day, written hh:mm:ss (e.g. 00:00:05), not {StepDelay}");
        Check(ReportDelay >= TimeSpan.Zero && ReportDelay <= TimeSpan.FromDays(1), $"Mock:Simulator:ReportDelay must be from 0 to 1 day, written hh:mm:ss (e.g. 00:00:05), not {ReportDelay}");
        Check(Latency >= TimeSpan.Zero && Latency <= TimeSpan.FromMinutes(10), "Mock:Simulator:Latency must be from 0 to 10 minutes");
        Check(FailureRate is >= 0 and <= 1, "Mock:Simulator:FailureRate must be from 0 to 1");
        Check(TransientErrorRate is >= 0 and <= 1, "Mock:Simulator:TransientErrorRate must be from 0 to 1");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new InvalidOperationException(message);
        }
    }
}
