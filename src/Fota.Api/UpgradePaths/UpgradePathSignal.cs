using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>Wakes this instance's flow at once (a job was scheduled); other instances find it at their next round.</summary>
public sealed class UpgradePathSignal : WakeSignal;
