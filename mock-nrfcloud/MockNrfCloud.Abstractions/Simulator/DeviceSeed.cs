namespace MockNrfCloud.Abstractions.Simulator;

/// <summary>
/// What a simulated device reports (simulator mode, SPEC 4.1). Null fields keep the device's current value (its default
/// for a new device: appVersion 2.0.0, modemFirmware mfw_nrf91x1_2.0.1, fota_v2 BOOT, MODEM, APP). Seeding a device
/// that changes a value is a report: fresh metadata timestamps for the changed values and the next state version.
/// </summary>
public sealed record DeviceSeed(
    string? Id,
    string? AppVersion = null,
    string? ModemFirmware = null,
    IReadOnlyList<string>? FotaV2 = null,
    string? Imei = null,
    string? Board = null,
    string? HwVer = null);

/// <summary>Body of PUT /mock/simulator/devices, and one entry of the Mock:Simulator:Devices file.</summary>
public sealed record SeedDevicesCommand(string? ApiKey, IReadOnlyList<DeviceSeed>? Devices);
