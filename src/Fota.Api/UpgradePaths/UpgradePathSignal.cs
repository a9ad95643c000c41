using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>Wakes this instance's flow at once (a job was scheduled or cancelled, a pass ended); other instances find a new job at their next look.</summary>
public sealed class UpgradePathSignal : WakeSignal;
