using Reqnroll;
using Xunit;

namespace FeatureRunnerSample.Steps;

[Binding]
public sealed class BasketSteps
{
    private readonly Dictionary<string, int> _basket = [];

    [Given("an empty basket")]
    public void EmptyBasket() => _basket.Clear();

    [When("I add {int} {word}")]
    public void Add(int count, string item) => _basket[item] = _basket.GetValueOrDefault(item) + count;

    [When("I remove {int} {word}")]
    public void Remove(int count, string item) => _basket[item] = Math.Max(0, _basket.GetValueOrDefault(item) - count);

    [Then("the basket holds {int} items")]
    public void Holds(int expected) => Assert.Equal(expected, _basket.Values.Sum());
}
