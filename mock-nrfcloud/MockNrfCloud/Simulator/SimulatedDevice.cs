using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Simulator;

/// <summary>One reported value and when it was reported (nRF Cloud's metadata timestamp, in seconds).</summary>
internal readonly record struct Reported(string Value, DateTimeOffset At);

/// <summary>
/// A simulated device's reported state (nRF Cloud's device shadow). Reports of completed jobs are applied lazily, when the
/// device is read (<see cref="CatchUp"/>), at the time they were due. Used only under its account's lock.
/// </summary>
internal sealed class SimulatedDevice
{
    public const string DefaultAppVersion = "2.0.0";
    public const string DefaultModemFirmware = "mfw_nrf91x1_2.0.1";
    public static readonly IReadOnlyList<string> DefaultFotaV2 = ["BOOT", "MODEM", "APP"];

    private readonly List<SimulatedJob> _awaitingReport = [];

    public SimulatedDevice(string id, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        UpdatedAt = now;
        AppVersion = new(DefaultAppVersion, now);
        ModemFirmware = new(DefaultModemFirmware, now);
        Imei = new(ImeiFor(id), now);
        Board = new("thingy91x", now);
        HwVer = new("nRF9151 LACA ADA", now);
        FotaV2 = DefaultFotaV2;
        FotaV2At = now;
        Version = 1;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Reported AppVersion { get; private set; }

    public Reported ModemFirmware { get; private set; }

    public Reported Imei { get; private set; }

    public Reported Board { get; private set; }

    public Reported HwVer { get; private set; }

    public IReadOnlyList<string> FotaV2 { get; private set; }

    public DateTimeOffset FotaV2At { get; private set; }

    /// <summary>nRF Cloud's state version: one more for every report.</summary>
    public long Version { get; private set; }

    /// <summary>Applies the non-null fields of <paramref name="seed"/> as one report at <paramref name="now"/> (nothing when none changes).</summary>
    public void Apply(DeviceSeed seed, DateTimeOffset now)
    {
        var changed = Set(AppVersion, seed.AppVersion, now, v => AppVersion = v)
            | Set(ModemFirmware, seed.ModemFirmware, now, v => ModemFirmware = v)
            | Set(Imei, seed.Imei, now, v => Imei = v)
            | Set(Board, seed.Board, now, v => Board = v)
            | Set(HwVer, seed.HwVer, now, v => HwVer = v);
        if (seed.FotaV2 is { } fotaV2 && !fotaV2.SequenceEqual(FotaV2, StringComparer.Ordinal))
        {
            FotaV2 = [.. fotaV2];
            FotaV2At = now;
            changed = true;
        }

        if (changed)
        {
            Reported(now);
        }
    }

    /// <summary>The device will report the job's bundle once the job completed and the report delay passed.</summary>
    public void Await(SimulatedJob job) => _awaitingReport.Add(job);

    /// <summary>Applies, in time order, the reports due by <paramref name="now"/>; forgets jobs that ended otherwise.</summary>
    public void CatchUp(DateTimeOffset now, TimeSpan step, TimeSpan reportDelay)
    {
        if (_awaitingReport.Count == 0)
        {
            return;
        }

        var due = new List<(DateTimeOffset At, SimulatedJob Job)>();
        for (var i = _awaitingReport.Count - 1; i >= 0; i--)
        {
            var job = _awaitingReport[i];
            if (!job.StatusAt(now, step).IsFinal)
            {
                continue;
            }

            var completed = job.CompletedAt(now, step);
            if (completed + reportDelay > now)
            {
                continue; // completed, the report is not due yet
            }

            _awaitingReport.RemoveAt(i); // reported now, or ended without completing
            if (completed is { } done)
            {
                due.Add((done + reportDelay, job));
            }
        }

        foreach (var (at, job) in due.OrderBy(d => d.At))
        {
            Report(job.Bundle, at);
        }
    }

    private void Report(FirmwareBundle bundle, DateTimeOffset at)
    {
        switch (bundle.Type)
        {
            case "APP":
                AppVersion = new(bundle.Version.TrimStart('v'), at);
                break;
            case "MODEM" or "MDM_FULL":
                ModemFirmware = new(bundle.Version, at);
                break;
            default:
                return; // e.g. BOOT: nothing the device reports changes
        }

        Reported(at);
    }

    private void Reported(DateTimeOffset at)
    {
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
        Version++;
    }

    private static bool Set(Reported current, string? value, DateTimeOffset now, Action<Reported> set)
    {
        if (value is null || value == current.Value)
        {
            return false;
        }

        set(new(value, now));
        return true;
    }

    /// <summary>A stable, plausible 15-digit IMEI derived from the device id.</summary>
    private static string ImeiFor(string id)
    {
        ulong hash = 14695981039346656037;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return "3550259" + (hash % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
