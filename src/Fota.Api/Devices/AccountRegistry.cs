using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Devices;

/// <summary>Finds nRF Cloud accounts: the database's (admin API) first, then configuration's <c>NrfCloud:Accounts</c>.</summary>
public sealed class AccountRegistry(IRegistryStore store, IOptionsMonitor<NrfCloudOptions> options)
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
}
