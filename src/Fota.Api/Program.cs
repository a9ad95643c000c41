using Fota.Api.Devices;
using Fota.Api.DeviceStates;
using Fota.Api.Http;
using Fota.Api.Jobs;
using Fota.Api.Jobs.Bundles;
using Fota.Api.Jobs.Cancel;
using Fota.Api.Notifications;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Fota.Api.UpgradePaths;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddFotaStorage();
builder.Services.AddNrfCloud(builder.Configuration);
builder.Services.AddDeviceRegistry();
builder.Services.AddFota(builder.Configuration);
builder.Services.AddFotaBundles(builder.Configuration);
builder.Services.AddFotaCancel();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddDeviceStates(builder.Configuration);
builder.Services.AddUpgradePaths(builder.Configuration);
builder.Services.AddFotaHttp();

var app = builder.Build();

app.UseFotaHttp();
app.MapHealth();
app.MapFota();
app.MapUpgradePaths();
app.MapAdmin(app.Configuration);
app.MapNotifications();
app.MapOpenApi();

app.Run();

/// <summary>Visible to WebApplicationFactory&lt;Program&gt; in the test projects.</summary>
public partial class Program;
