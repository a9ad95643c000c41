namespace Fota.FeatureRunner;

/// <summary>
/// Written by the generator on a Markdown feature whose front matter orders it (<c>needs</c>, <c>order</c>), or that
/// another feature needs: its position in the ordered collection, where features run one after another.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureRankAttribute(int rank) : Attribute
{
    /// <summary>The collection of ordered features (parallelization disabled, classes in rank order).</summary>
    public const string OrderedCollection = "FeatureRunnerOrderedFeatures";

    public int Rank { get; } = rank;
}
