using Fota.Api.Devices;
using Fota.Api.Http;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Fota;

/// <summary>The checks of a device endpoint without a body, in the order 400 (fingerprint) → 404 (device) → 403.</summary>
public static class DeviceChecks
{
    /// <summary>Runs <paramref name="handle"/> for the device when the caller may act on it, else answers the failed check's problem.</summary>
    public static async Task<Results<TOk, ProblemHttpResult>> ForDeviceAsync<TOk>(
        this DeviceAccess access,
        string deviceId,
        string? fingerprint,
        Func<StoredDevice, Task<Results<TOk, ProblemHttpResult>>> handle,
        CancellationToken cancellationToken)
        where TOk : IResult
    {
        var errors = FotaEndpoints.FingerprintErrors(fingerprint);
        if (errors.Count > 0)
        {
            return Problems.ValidationFailed(errors);
        }

        var device = await FotaEndpoints.AuthorizeAsync(access, deviceId, fingerprint!, cancellationToken);
        return device.IsSuccess ? await handle(device.Value) : FotaProblems.From(device.Error, "Checking the device failed");
    }

    /// <summary>Declares the device checks' answers (400, 403, 404) in the OpenAPI document of a device endpoint.</summary>
    public static RouteHandlerBuilder ProducesDeviceCheckProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
