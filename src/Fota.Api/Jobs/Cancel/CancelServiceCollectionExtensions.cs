namespace Fota.Api.Jobs.Cancel;

public static class CancelServiceCollectionExtensions
{
    public static IServiceCollection AddFotaCancel(this IServiceCollection services) => services.AddTransient<FotaCanceller>();
}
