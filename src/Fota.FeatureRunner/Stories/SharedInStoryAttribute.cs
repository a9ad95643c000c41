namespace Fota.FeatureRunner;

/// <summary>
/// On a context class (an object Reqnroll injects per scenario): in a story (a BDD-Markdown feature, or a Gherkin
/// feature tagged <c>@story</c>) its scenarios share one instance, created by the first scenario that needs it,
/// as BDD-Markdown's runner shares its context across a feature's scenarios. Elsewhere it is per scenario as usual.
/// Shared objects are not disposed by Reqnroll at a scenario's end.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedInStoryAttribute : Attribute
{
}
