using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

[Binding]
public sealed class CalculatorSteps(Calculator calculator, IReqnrollOutputHelper output)
{
    [Given("the calculator is cleared")]
    public void Clear() => calculator.Result = 0;

    [When("I add {int}")]
    public void Add(int number)
    {
        calculator.Result += number;
        output.WriteLine($"calculator now shows {calculator.Result}");
    }

    [When("I add the numbers")]
    public void AddAll(Table numbers)
    {
        foreach (var row in numbers.Rows)
        {
            calculator.Result += int.Parse(row["number"], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [When("I do something not yet written")]
    public static void NotYetWritten() => throw new PendingStepException();

    [Then("the result should be {int}")]
    public void ResultIs(int expected) => calculator.Result.Should().Be(expected, "the calculator adds");

    [Then("the note should read")]
    public static void NoteReads(string note) => note.Should().Be("ten, as expected");

    [Then("this step is never run")]
    public static void NeverRun() => throw new InvalidOperationException("an @ignore scenario ran");
}

/// <summary>Two bindings for one step: Reqnroll reports the step as ambiguous.</summary>
[Binding]
public sealed class AmbiguousSteps
{
    [When("I press the ambiguous button")]
    public static void PressOne()
    {
    }

    [When("I press the ambiguous button")]
    public static void PressTwo()
    {
    }
}
