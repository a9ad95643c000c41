namespace Fota.Api.Storage;

/// <summary>Names a background loop in the claims it takes (jobs, intents): unique even for two hosts in one process.</summary>
public static class ClaimOwner
{
    public static string NewName() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
