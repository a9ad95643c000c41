using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>Runs the classes of the ordered collection by their <see cref="FeatureRankAttribute"/>: dependencies first.</summary>
public sealed class FeatureRankOrderer : ITestClassOrderer
{
    public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
        where TTestClass : ITestClass =>
        testClasses
            .OrderBy(testClass => (testClass as IXunitTestClass)?.Class.GetCustomAttribute<FeatureRankAttribute>()?.Rank ?? int.MaxValue)
            .ThenBy(testClass => testClass?.TestClassName, StringComparer.Ordinal)
            .ToList();
}
