using System.Reflection;

namespace Fota.FeatureRunner;

/// <summary>
/// Lists a generated feature class in its assembly, so that <see cref="ScenarioRunner.RunScenarioAsync"/> finds
/// features by path. Written by the generator, one per feature file.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CompiledFeatureAttribute(Type featureClass) : Attribute
{
    /// <summary>The xUnit collection of features that do not run in parallel with others.</summary>
    public const string NonParallelizableCollection = "ReqnrollNonParallelizableFeatures";

    public Type FeatureClass { get; } = featureClass;

    /// <summary>The features compiled into <paramref name="assembly"/>.</summary>
    internal static IReadOnlyList<FeatureDefinition> DefinitionsIn(Assembly assembly) =>
        assembly.GetCustomAttributes<CompiledFeatureAttribute>()
            .Select(attribute => (FeatureDefinition)attribute.FeatureClass.GetProperty(nameof(ICompiledFeature.Definition), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToList();
}
