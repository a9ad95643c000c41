using Reqnroll;
using Xunit;

namespace FeatureRunnerSample.Steps;

[Binding]
public sealed class GreetingSteps(IReqnrollOutputHelper output)
{
    private string _name = "";

    [Given("my name is {string}")]
    public void Name(string name) => _name = name;

    [Then("the greeting is:")]
    public void Greeting(string expected)
    {
        var greeting = $"Hello, {_name}!";
        output.WriteLine(greeting);
        Assert.Equal(expected, greeting);
    }
}
