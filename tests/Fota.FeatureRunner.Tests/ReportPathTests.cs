using Fota.FeatureRunner.Reporting;
using Reqnroll.Formatters.Configuration;

namespace Fota.FeatureRunner.Tests;

public sealed class ReportPathTests
{
    private sealed class Configured(string outputFilePath) : IFormattersConfigurationProvider
    {
        public bool Enabled => true;

        public IDictionary<string, object> GetFormatterConfigurationByName(string formatterName) =>
            new Dictionary<string, object> { ["outputFilePath"] = outputFilePath, ["other"] = 1 };

        public string ResolveTemplatePlaceholders(string template) => template;
    }

    [Fact]
    public void The_repository_root_is_the_folder_with_the_solution_above_the_test_output()
    {
        var root = RepositoryRoot.Find();

        File.Exists(Path.Combine(root, "Fota.sln")).Should().BeTrue();
        AppContext.BaseDirectory.Should().StartWith(root);
    }

    [Fact]
    public void A_relative_formatter_output_path_is_taken_from_the_repository_root_and_other_settings_are_kept()
    {
        var configuration = new RepositoryRootedFormattersConfiguration(new Configured("reports/living-doc.html"), "/repo")
            .GetFormatterConfigurationByName("html");

        configuration["outputFilePath"].Should().Be(Path.Combine("/repo", "reports/living-doc.html"));
        configuration["other"].Should().Be(1);
    }

    [Fact]
    public void An_absolute_formatter_output_path_is_left_alone()
    {
        var configuration = new RepositoryRootedFormattersConfiguration(new Configured("/tmp/elsewhere/doc.html"), "/repo")
            .GetFormatterConfigurationByName("html");

        configuration["outputFilePath"].Should().Be("/tmp/elsewhere/doc.html");
    }
}
