using System.Text.Json;
using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Simulator;

/// <summary>The Mock:Simulator:Devices file: an array of PUT /mock/simulator/devices bodies,
/// <c>[{"apiKey": "…", "devices": [{"id": "…", "appVersion": "…", …}]}]</c>.</summary>
internal static class DeviceSeedFile
{
    /// <exception cref="InvalidOperationException">The file cannot be read or is not such an array.</exception>
    public static IReadOnlyList<SeedDevicesCommand> Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<SeedDevicesCommand>>(File.ReadAllText(path), SimulatorJson.Options)
                ?? throw new InvalidOperationException($"Mock:Simulator:Devices '{path}' is null; write an array of {{\"apiKey\", \"devices\"}}");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Mock:Simulator:Devices '{path}' cannot be read: {e.Message}", e);
        }
    }
}
