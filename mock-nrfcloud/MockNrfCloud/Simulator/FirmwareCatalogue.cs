using System.Text.Json;

namespace MockNrfCloud.Simulator;

/// <summary>One firmware bundle, as nRF Cloud lists it (GET /v1/firmwares items).</summary>
internal sealed record FirmwareBundle(
    string BundleId,
    string Version,
    string Type,
    DateTimeOffset? LastModified = null,
    long Size = 0,
    IReadOnlyList<string>? Filenames = null,
    string? Name = null,
    string? Description = null);

/// <summary>The firmware bundles every simulated account has: a small default set, or the Mock:Simulator:Catalogue file.</summary>
internal sealed class FirmwareCatalogue
{
    private static readonly DateTimeOffset Released = new(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, FirmwareBundle> _byId;

    public FirmwareCatalogue(IReadOnlyList<FirmwareBundle> bundles)
    {
        Bundles = bundles;
        _byId = bundles.ToDictionary(b => b.BundleId, StringComparer.Ordinal);
    }

    /// <summary>In listing order.</summary>
    public IReadOnlyList<FirmwareBundle> Bundles { get; }

    /// <summary>APP v2.0.0–v2.0.2 and MODEM mfw_nrf91x1_2.0.1–2.0.2, with the ids documented in the mock's README.</summary>
    public static FirmwareCatalogue Default { get; } = new([
        App("APP*0103b0f9*v2.0.0", "v2.0.0", 0),
        App("APP*1e29dfa3*v2.0.1", "v2.0.1", 1),
        App("APP*cd5412d9*v2.0.2", "v2.0.2", 2),
        Modem("MODEM*5a6c7e3f*mfw_nrf91x1_2.0.1", "mfw_nrf91x1_2.0.1", 0),
        Modem("MODEM*8d1f2b4c*mfw_nrf91x1_2.0.2", "mfw_nrf91x1_2.0.2", 1),
    ]);

    public FirmwareBundle? Find(string bundleId) => _byId.GetValueOrDefault(bundleId);

    /// <summary>Reads a file in the shape of nRF Cloud's GET /v1/firmwares answer: {"items":[{"bundleId","version","type",…}]}.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read, or an item lacks bundleId, version or type.</exception>
    public static FirmwareCatalogue Load(string path)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(File.ReadAllText(path), SimulatorJson.Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Mock:Simulator:Catalogue '{path}' cannot be read: {e.Message}", e);
        }

        var items = file?.Items ?? throw new InvalidOperationException($"Mock:Simulator:Catalogue '{path}' has no \"items\" array");
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrEmpty(items[i].BundleId) || string.IsNullOrEmpty(items[i].Version) || string.IsNullOrEmpty(items[i].Type))
            {
                throw new InvalidOperationException($"Mock:Simulator:Catalogue '{path}': items[{i}] needs bundleId, version and type");
            }
        }

        var duplicate = items.GroupBy(b => b.BundleId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new FirmwareCatalogue(items)
            : throw new InvalidOperationException($"Mock:Simulator:Catalogue '{path}' lists bundle '{duplicate.Key}' twice");
    }

    private static FirmwareBundle App(string id, string version, int n) => new(
        id, version, "APP", Released.AddDays(n), 425_860 + (n * 512), [$"hello-nrfcloud-thingy91x-{version}-fwupd.bin"],
        $"hello.nrfcloud.com {version}", "Firmware Update Image BIN file (thingy91x)");

    private static FirmwareBundle Modem(string id, string version, int n) => new(
        id, version, "MODEM", Released.AddDays(n), 2_145_184 + (n * 4096), [$"{version}-FOTA-TEST-delta.bin"],
        $"nRF91x1 modem firmware {version}", "Modem firmware delta update");

    private sealed record CatalogueFile(List<FirmwareBundle>? Items);
}
