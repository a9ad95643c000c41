using Fota.Api.Jobs;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Devices;

/// <summary>Finds nRF Cloud accounts: the database's (admin API) first, then configuration's <c>NrfCloud:Accounts</c>.</summary>
public sealed partial class AccountRegistry(IRegistryStore store, IOptionsMonitor<NrfCloudOptions> options, ILogger<AccountRegistry> logger)
{
    public const string DefaultAccountName = "nordic";

    public async Task<NrfCloudAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await store.FindAccountAsync(name, cancellationToken);
        if (stored is not null)
        {
            return new NrfCloudAccount(stored.Name, new Uri(stored.ApiEndpoint), stored.ApiKey);
        }

        return options.CurrentValue.Accounts.TryGetValue(name, out var configured) && !string.IsNullOrEmpty(configured.ApiKey)
            ? new NrfCloudAccount(name, configured.ApiEndpoint ?? NrfCloudOptions.DefaultApiEndpoint, configured.ApiKey)
            : null;
    }

    /// <summary>The account of a device (<paramref name="owner"/> "device") or a job ("job") on the request path, or why there is none.</summary>
    public async Task<FotaResult<NrfCloudAccount>> RequireAsync(string name, string owner, string ownerId, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is { } account)
        {
            return account;
        }

        LogNoAccount(owner, ownerId, name);
        return new FotaError.AccountNotConfigured(name, owner);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Owner} {Id} belongs to nRF Cloud account {Account}, which is not configured")]
    private partial void LogNoAccount(string owner, string id, string account);
}
