using System.Security.Cryptography;
using System.Text;
using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Fota.Api.Jobs.Bundles;

/// <summary>
/// The firmware bundles of a device's nRF Cloud account, newest <c>lastModified</c> first (bundles without it last, in
/// nRF Cloud's order). Successful lists are cached per account in <see cref="HybridCache"/>, which also lets concurrent
/// requests for one account share one nRF Cloud listing; failures are never cached.
/// </summary>
public sealed partial class BundleCatalog(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    HybridCache cache,
    IOptions<BundleOptions> options,
    ILogger<BundleCatalog> logger)
{
    public async Task<FotaResult<IReadOnlyList<FotaBundle>>> ListAsync(StoredDevice device, CancellationToken cancellationToken)
    {
        var found = await accounts.RequireAsync(device.Account, "device", device.DeviceId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;

        LogLookingUp(account.Name);
        try
        {
            var bundles = await cache.GetOrCreateAsync(
                CacheKey(account),
                (Catalog: this, Account: account),
                static (state, token) => state.Catalog.FetchAsync(state.Account, token),
                EntryOptions(options.Value.CacheDuration),
                cancellationToken: cancellationToken);
            return FotaResult<IReadOnlyList<FotaBundle>>.Success(bundles);
        }
        catch (ListingFailedException failed)
        {
            return new FotaError.NrfCloudFailed(failed.Message);
        }
    }

    /// <summary>The protocol's bundles from nRF Cloud's listing: sorted, and without items lacking a bundleId, version or type.</summary>
    internal static IReadOnlyList<FotaBundle> ToBundles(IEnumerable<NrfCloudFirmware> firmwares) =>
        firmwares
            .OrderBy(f => f.LastModified is null) // OrderBy is stable: ties keep nRF Cloud's order
            .ThenByDescending(f => f.LastModified)
            .SelectMany(f => f is { BundleId: { } bundleId, Version: { } version, Type: { } type }
                ? [new FotaBundle(FotaBundle.ContextUrl, bundleId, version, type)]
                : Array.Empty<FotaBundle>())
            .ToList();

    private async ValueTask<IReadOnlyList<FotaBundle>> FetchAsync(NrfCloudAccount account, CancellationToken cancellationToken)
    {
        var listed = await nrfCloud.ListFirmwaresAsync(account, cancellationToken);
        if (!listed.IsSuccess)
        {
            // Thrown so that HybridCache stores nothing; every request waiting for this listing gets the failure.
            throw new ListingFailedException(listed.Error.Detail);
        }

        var bundles = ToBundles(listed.Value);
        LogListed(account.Name, bundles.Count);
        if (listed.Value.Count > bundles.Count)
        {
            LogSkipped(account.Name, listed.Value.Count - bundles.Count);
        }

        return bundles;
    }

    /// <summary>Per account; the endpoint and key are part of it (hashed), so updating an account is seen at once.</summary>
    private static string CacheKey(NrfCloudAccount account)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(account.ApiEndpoint.AbsoluteUri + "\n" + account.ApiKey));
        return $"fota-bundles:{account.Name}:{Convert.ToHexString(hash, 0, 8)}";
    }

    private static HybridCacheEntryOptions EntryOptions(TimeSpan duration) =>
        duration > TimeSpan.Zero
            ? new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration }
            : new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCache };

    private sealed class ListingFailedException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Looking up the FOTA bundles of account {Account} (cached, or one shared nRF Cloud listing)")]
    private partial void LogLookingUp(string account);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Count} FOTA bundles of account {Account} at nRF Cloud")]
    private partial void LogListed(string account, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nRF Cloud listed {Count} firmwares of account {Account} without bundleId, version or type; they are left out")]
    private partial void LogSkipped(string account, int count);
}
