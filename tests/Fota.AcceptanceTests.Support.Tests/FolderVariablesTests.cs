using Fota.AcceptanceTests.Contexts;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>Variables per feature folder (features/folder-variables.json).</summary>
public sealed class FolderVariablesTests
{
    private const string Json = """
        {
          "$comment": "ignored",
          "features/v2": { "APIURL": "${APIURL}/v2", "version": "2" },
          "features/v2/beta/": { "APIURL": "${APIURL}/beta" }
        }
        """;

    private static ScenarioVariables Variables(string folder)
    {
        var variables = new ScenarioVariables();
        variables.Set("APIURL", "http://service");
        FolderVariables.Apply(FolderVariables.Parse(Json), folder, variables);
        return variables;
    }

    [Fact]
    public void A_folder_and_everything_below_it_get_its_variables_resolved_against_the_suites()
    {
        Variables("features/v2").GetString("APIURL").Should().Be("http://service/v2");
        Variables("features/v2/nested").GetString("version").Should().Be("2");
    }

    [Fact]
    public void A_deeper_folder_applies_after_its_parent()
    {
        Variables("features/v2/beta").GetString("APIURL").Should().Be("http://service/v2/beta");
    }

    [Fact]
    public void Other_folders_and_prefixes_that_are_not_parents_get_nothing()
    {
        Variables("features").GetString("APIURL").Should().Be("http://service");
        Variables("features/v2x").Values.Should().NotContainKey("version");
    }

    [Fact]
    public void The_configured_file_is_next_to_the_suite_and_points_its_example_folder_at_v2()
    {
        var file = Path.Combine(AppContext.BaseDirectory, FolderVariables.FileName);

        FolderVariables.Parse(File.ReadAllText(file))["features/folder-variables"]["APIURL"].Should().Be("${APIURL}/v2");
    }

    [Fact]
    public void A_folder_without_variables_fails_naming_the_file()
    {
        var parse = () => FolderVariables.Parse("""{ "features/v2": "APIURL" }""");

        parse.Should().Throw<InvalidOperationException>().WithMessage("*folder-variables.json*");
    }
}
