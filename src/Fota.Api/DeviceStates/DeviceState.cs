namespace Fota.Api.DeviceStates;

/// <summary>A firmware target of an upgrade path (SPEC §2.10): <c>app</c> or <c>modem</c>.</summary>
public enum FotaTarget
{
    App,
    Modem,
}

/// <summary>
/// What the service uses of a device's state as nRF Cloud reports it (SPEC §3.5): the versions it reports, normalised to
/// <c>major.minor.patch</c> (null when not reported), and the targets its <c>serviceInfo.fota_v2</c> list supports.
/// </summary>
public sealed record DeviceState(
    string DeviceId,
    string? AppVersion,
    string? ModemVersion,
    IReadOnlySet<FotaTarget> SupportedTargets,
    IReadOnlyList<string> FotaTypes)
{
    /// <summary>The version the device reports for <paramref name="target"/>, null when it reports none.</summary>
    public string? VersionOf(FotaTarget target) => target == FotaTarget.App ? AppVersion : ModemVersion;
}

/// <summary>The outcome of reading one device's state from nRF Cloud now.</summary>
public abstract record DeviceStateRead
{
    private DeviceStateRead()
    {
    }

    /// <summary>nRF Cloud answered with the device's state (already stored, and a change event written when it changed).</summary>
    public sealed record Found(DeviceState State) : DeviceStateRead;

    /// <summary>nRF Cloud answered, and the device is not in its answer.</summary>
    public sealed record UnknownDevice : DeviceStateRead;

    /// <summary>nRF Cloud could not be read (<see cref="Detail"/> names nRF Cloud and the status, never its body).</summary>
    public sealed record Unavailable(string Detail) : DeviceStateRead;
}
