using Fota.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
FotaSystem.Add(builder);
builder.Build().Run();
