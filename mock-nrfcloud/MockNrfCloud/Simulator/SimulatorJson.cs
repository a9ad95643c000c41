using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MockNrfCloud.Simulator;

/// <summary>The simulator's answers in nRF Cloud's JSON shapes: jobs, devices (with state and metadata), bundles, pages.</summary>
internal static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>{"items":[…],"total":N,"pageNextToken"?}.</summary>
    public static string Page<T>(Page<T> page, Action<Utf8JsonWriter, T> item) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var one in page.Items)
        {
            item(w, one);
        }

        w.WriteEndArray();
        w.WriteNumber("total", page.Total);
        if (page.NextToken is { } token)
        {
            w.WriteString("pageNextToken", token);
        }

        w.WriteEndObject();
    });

    public static void Job(Utf8JsonWriter w, SimulatedJob job, JobStatus status)
    {
        w.WriteStartObject();
        w.WriteString("jobId", job.JobId);
        w.WriteString("name", job.JobId);
        w.WriteString("status", status.Status);
        w.WriteString("statusDetail", status.StatusDetail);
        w.WriteString("createdAt", Time(job.CreatedAt));
        w.WriteString("lastUpdatedAt", Time(status.LastUpdatedAt));
        w.WriteStartObject("firmware");
        w.WriteString("bundleId", job.Bundle.BundleId);
        w.WriteString("version", job.Bundle.Version);
        w.WriteString("firmwareType", job.Bundle.Type);
        w.WriteNumber("fileSize", job.Bundle.Size);
        w.WriteString("host", "firmware.nrfcloud.com");
        w.WriteStartArray("uris");
        foreach (var file in job.Bundle.Filenames ?? [])
        {
            w.WriteStringValue($"{job.Bundle.BundleId}/{file}");
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("target");
        Strings(w, "deviceIds", job.DeviceIds);
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Bundle(Utf8JsonWriter w, FirmwareBundle bundle)
    {
        w.WriteStartObject();
        w.WriteString("bundleId", bundle.BundleId);
        if (bundle.LastModified is { } lastModified)
        {
            w.WriteString("lastModified", Time(lastModified));
        }

        w.WriteNumber("size", bundle.Size);
        w.WriteString("version", bundle.Version);
        w.WriteString("type", bundle.Type);
        Strings(w, "filenames", bundle.Filenames ?? []);
        OptionalString(w, "name", bundle.Name);
        OptionalString(w, "description", bundle.Description);
        w.WriteEndObject();
    }

    /// <summary>An item of GET /v1/devices: id, $meta and, when asked for, the state (with its metadata when asked for).</summary>
    public static void Device(Utf8JsonWriter w, SimulatedDevice device, bool includeState, bool includeStateMeta)
    {
        w.WriteStartObject();
        w.WriteString("id", device.Id);
        w.WriteStartObject("$meta");
        w.WriteString("createdAt", Time(device.CreatedAt));
        w.WriteString("updatedAt", Time(device.UpdatedAt));
        w.WriteEndObject();
        if (includeState)
        {
            w.WriteStartObject("state");
            w.WriteStartObject("reported");
            ReportedDevice(w, device, static (w, name, value) => w.WriteString(name, value.Value), static (w, fotaV2, _) =>
            {
                foreach (var target in fotaV2)
                {
                    w.WriteStringValue(target);
                }
            });
            w.WriteEndObject();
            w.WriteStartObject("desired");
            w.WriteEndObject();
            if (includeStateMeta)
            {
                w.WriteStartObject("metadata");
                w.WriteStartObject("reported");
                ReportedDevice(w, device, static (w, name, value) => Timestamp(w, name, value.At), static (w, fotaV2, at) =>
                {
                    for (var i = 0; i < fotaV2.Count; i++)
                    {
                        Timestamp(w, null, at);
                    }
                });
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteNumber("version", device.Version);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>"2024-06-03T10:04:26.123Z", as nRF Cloud writes times.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // "device": {"deviceInfo": {…}, "serviceInfo": {"fota_v2": […]}}, with each leaf written by `leaf` (the value or
    // {"timestamp"}) and fota_v2's elements by `fotaV2` — the same tree for the state and for its metadata.
    private static void ReportedDevice(
        Utf8JsonWriter w,
        SimulatedDevice device,
        Action<Utf8JsonWriter, string, Reported> leaf,
        Action<Utf8JsonWriter, IReadOnlyList<string>, DateTimeOffset> fotaV2)
    {
        w.WriteStartObject("device");
        w.WriteStartObject("deviceInfo");
        leaf(w, "appVersion", device.AppVersion);
        leaf(w, "modemFirmware", device.ModemFirmware);
        leaf(w, "imei", device.Imei);
        leaf(w, "board", device.Board);
        leaf(w, "hwVer", device.HwVer);
        w.WriteEndObject();
        w.WriteStartObject("serviceInfo");
        w.WriteStartArray("fota_v2");
        fotaV2(w, device.FotaV2, device.FotaV2At);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Timestamp(Utf8JsonWriter w, string? name, DateTimeOffset at)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteNumber("timestamp", at.ToUnixTimeSeconds());
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
