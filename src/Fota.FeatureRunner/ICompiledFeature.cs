namespace Fota.FeatureRunner;

/// <summary>A test class generated from a feature file; <see cref="Definition"/> is the feature as compiled.</summary>
public interface ICompiledFeature
{
    static abstract FeatureDefinition Definition { get; }
}
