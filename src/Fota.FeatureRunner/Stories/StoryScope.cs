using System.Collections.Concurrent;
using System.Reflection;
using Reqnroll;

namespace Fota.FeatureRunner.Stories;

/// <summary>
/// The objects a story's scenarios share (classes marked <see cref="SharedInStoryAttribute"/>): each scenario's
/// container gets the instances made so far, and records those it makes. Kept in the <see cref="FeatureContext"/>
/// too, so [AfterFeature] hooks can reach them (<see cref="Shared{T}"/>).
/// </summary>
public sealed class StoryScope
{
    private const string Key = "Fota.FeatureRunner.StoryScope";

    private readonly ConcurrentDictionary<Type, object> _shared = new();

    /// <summary>Whether the feature is a story (its scenarios share <see cref="SharedInStoryAttribute"/> objects).</summary>
    public static bool IsStory(FeatureContext feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.ContainsKey(Key);
    }

    /// <summary>The story's shared <typeparamref name="T"/>, if a scenario made one.</summary>
    public static T? Shared<T>(FeatureContext feature)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.TryGetValue(Key, out StoryScope? scope) && scope is not null && scope._shared.TryGetValue(typeof(T), out var shared)
            ? (T)shared
            : null;
    }

    internal void Attach(ITestRunner runner)
    {
        runner.FeatureContext[Key] = this;
        var container = runner.ScenarioContext.ScenarioContainer;
        foreach (var (type, instance) in _shared)
        {
            container.RegisterInstanceAs(instance, type, dispose: false);
        }

        container.ObjectCreated += instance =>
        {
            var type = instance.GetType();
            if (type.GetCustomAttribute<SharedInStoryAttribute>() is not null)
            {
                _shared.TryAdd(type, instance);
            }
        };
    }
}
