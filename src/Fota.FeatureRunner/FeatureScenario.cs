using Fota.FeatureRunner.Discovery;
using Xunit.Sdk;

namespace Fota.FeatureRunner;

/// <summary>
/// One xUnit test case: a pickle (scenario or outline example) of a feature file, or a feature file that
/// does not parse. Serializable so that VSTest discovery lists one test per scenario.
/// </summary>
public sealed class FeatureScenario : IXunitSerializable
{
    /// <summary>Needed by xUnit's deserializer.</summary>
    [Obsolete("For xUnit serialization only.")]
    public FeatureScenario()
    {
    }

    internal FeatureScenario(string featuresFolder, string relativePath, int pickleIndex, string displayName, string? parseError)
    {
        FeaturesFolder = featuresFolder;
        RelativePath = relativePath;
        PickleIndex = pickleIndex;
        DisplayName = displayName;
        ParseError = parseError;
    }

    /// <summary>The folder given to discovery (e.g. <c>features</c>), relative to the test output or absolute.</summary>
    public string FeaturesFolder { get; private set; } = "";

    /// <summary>The feature file's path below <see cref="FeaturesFolder"/>, with forward slashes.</summary>
    public string RelativePath { get; private set; } = "";

    /// <summary>Index of the pickle in the compiled feature; -1 for a feature file that does not parse.</summary>
    public int PickleIndex { get; private set; }

    /// <summary><c>Feature: Scenario</c>, with the example row for outline examples.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>The parser's message when the feature file is broken.</summary>
    public string? ParseError { get; private set; }

    /// <summary>The file as the user knows it, e.g. <c>features/DeviceFota.feature</c>.</summary>
    public string DisplayPath => FeatureFolders.DisplayPath(FeaturesFolder, RelativePath);

    void IXunitSerializable.Deserialize(IXunitSerializationInfo info)
    {
        FeaturesFolder = info.GetValue<string>(nameof(FeaturesFolder)) ?? "";
        RelativePath = info.GetValue<string>(nameof(RelativePath)) ?? "";
        PickleIndex = info.GetValue<int>(nameof(PickleIndex));
        DisplayName = info.GetValue<string>(nameof(DisplayName)) ?? "";
        ParseError = info.GetValue<string>(nameof(ParseError));
    }

    void IXunitSerializable.Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(FeaturesFolder), FeaturesFolder);
        info.AddValue(nameof(RelativePath), RelativePath);
        info.AddValue(nameof(PickleIndex), PickleIndex);
        info.AddValue(nameof(DisplayName), DisplayName);
        info.AddValue(nameof(ParseError), ParseError);
    }

    public override string ToString() => DisplayName;
}
