using System.Globalization;
using Fota.FeatureRunner.ExternalBindings;
using Reqnroll;

namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>A device row of an Assist table.</summary>
public sealed record Device(string Name, string Model, int Slots);

/// <summary>A firmware version written <c>v1.2.3</c>, read by a custom cucumber-expression parameter type.</summary>
public sealed record Firmware(int Major, int Minor, int Patch);

/// <summary>A context that Reqnroll disposes at the end of the scenario.</summary>
public sealed class DisposableContext : IDisposable
{
    public void Dispose() => HookLog.Write("DisposableContext disposed");
}

[Binding]
public sealed class ParitySteps(
    ScenarioContext scenario,
    FeatureContext feature,
    IReqnrollOutputHelper reqnrollOutput,
    ITestOutputHelper xunitOutput,
    DisposableContext disposable)
{
    private List<Device> _devices = [];
    private Firmware? _firmware;
    private TimeSpan _delay;

    [StepArgumentTransformation(@"v(\d+)\.(\d+)\.(\d+)")]
    public static Firmware ToFirmware(int major, int minor, int patch) => new(major, minor, patch);

    [StepArgumentTransformation(@"(\d+) seconds?")]
    public static TimeSpan ToSeconds(int seconds) => TimeSpan.FromSeconds(seconds);

    [Given("these devices")]
    public void TheseDevices(DataTable table) => _devices = table.CreateSet<Device>().ToList();

    [Then("there are {int} devices and {string} is a {word}")]
    public void DevicesAre(int count, string name, string model)
    {
        _devices.Should().HaveCount(count);
        _devices.Single(device => device.Name == name).Model.Should().Be(model);
        _devices[1].Slots.Should().Be(2, "Assist converts the cells to the properties' types");
    }

    [Given(@"the firmware version (v\d+\.\d+\.\d+)")]
    public void FirmwareVersion(Firmware firmware) => _firmware = firmware;

    [Then("the major version is {int}")]
    public void MajorIs(int major) => _firmware!.Major.Should().Be(major);

    [Given(@"a delay of (\d+ seconds?)")]
    public void Delay(TimeSpan delay) => _delay = delay;

    [Then("the delay is {int} milliseconds")]
    public void DelayIs(int milliseconds) => _delay.TotalMilliseconds.Should().Be(milliseconds);

    [Then("the last step ran as a Then step")]
    public void RanAsThen() =>
        scenario.StepContext.StepInfo.StepDefinitionType.Should().Be(Reqnroll.Bindings.StepDefinitionType.Then, "* continues the Then block");

    [Then("the scenario context, the feature context, both output helpers and a disposable context were injected")]
    public void Injected()
    {
        scenario.ScenarioInfo.Title.Should().Be("Bindings get what Reqnroll.xUnit injects");
        feature.FeatureInfo.Title.Should().Be("Reqnroll parity");
        reqnrollOutput.WriteLine("written with IReqnrollOutputHelper");
        xunitOutput.WriteLine("written with ITestOutputHelper");
        xunitOutput.Should().BeSameAs(TestContext.Current.TestOutputHelper, "bindings get the running test's output helper");
        disposable.Should().NotBeNull();
    }

    [When("I attach a note")]
    public void AttachNote()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fota-note-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "a note");
        reqnrollOutput.AddAttachment(file);
        scenario["note"] = Path.GetFileName(file);
    }

    [Then("the note is an attachment of the xUnit test")]
    public void NoteAttached() =>
        TestContext.Current.Attachments.Should().ContainKey((string)scenario["note"]);
}

/// <summary>Reads what the steps and hook of <c>Fota.FeatureRunner.ExternalBindings</c> (a binding assembly) wrote.</summary>
[Binding]
public sealed class SharedBindingsSteps(ScenarioContext scenario)
{
    [Then("the shared bindings greeted {string} and their hook ran")]
    public void SharedBindingsRan(string name)
    {
        scenario[SharedGreetingSteps.GreetingKey].Should().Be($"Hello, {name}!");
        scenario[SharedGreetingSteps.HookKey].Should().Be("Fota.FeatureRunner.ExternalBindings");
    }
}

[Binding]
public sealed class GermanSteps
{
    private decimal _number;

    [Given(@"^die Zahl (.*)$")]
    public void Number(decimal number) => _number = number;

    [Then(@"^ist die Zahl (.*) als Dezimalzahl$")]
    public void NumberIs(string invariant) =>
        _number.Should().Be(decimal.Parse(invariant, CultureInfo.InvariantCulture), "the feature's culture (de) reads the comma as the decimal separator");
}
