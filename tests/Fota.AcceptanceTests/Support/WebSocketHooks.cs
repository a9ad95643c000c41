using Fota.AcceptanceTests.Contexts;
using Fota.FeatureRunner.Stories;
using Reqnroll;

namespace Fota.AcceptanceTests.Support;

[Binding]
public sealed class WebSocketHooks
{
    /// <summary>Closes the scenario's WebSockets cleanly; a story's stay open for its next scenarios.</summary>
    [AfterScenario(Order = -100)]
    public static Task CloseWebSockets(ScenarioWebSockets sockets, FeatureContext feature)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        return StoryScope.IsStory(feature) ? Task.CompletedTask : sockets.CloseAllAsync();
    }

    /// <summary>Closes a story's WebSockets once its last scenario ran.</summary>
    [AfterFeature]
    public static Task CloseStoryWebSockets(FeatureContext feature) =>
        StoryScope.Shared<ScenarioWebSockets>(feature)?.CloseAllAsync() ?? Task.CompletedTask;
}
