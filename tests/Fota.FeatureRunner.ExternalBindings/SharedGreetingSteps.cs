using Reqnroll;

namespace Fota.FeatureRunner.ExternalBindings;

/// <summary>Steps and a hook outside the test assembly: Reqnroll finds them only through <c>bindingAssemblies</c>.</summary>
[Binding]
public sealed class SharedGreetingSteps(ScenarioContext scenario)
{
    public const string GreetingKey = "external greeting";
    public const string HookKey = "external hook assembly";

    [Given("a greeting for {string} from the shared bindings")]
    public void GreetingFor(string name) => scenario[GreetingKey] = $"Hello, {name}!";

    [BeforeScenario("shared-bindings")]
    public void MarkScenario() => scenario[HookKey] = typeof(SharedGreetingSteps).Assembly.GetName().Name!;
}
