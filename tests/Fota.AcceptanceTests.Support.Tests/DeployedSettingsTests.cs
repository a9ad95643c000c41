using Fota.AcceptanceTests.Support.Hosting;

namespace Fota.AcceptanceTests.Support.Tests;

public sealed class DeployedSettingsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["FOTA_API_URL"] = "http://127.0.0.1:5080/",
        ["FOTA_ADMIN_TOKEN"] = "admin",
        ["NRFCLOUD_MOCK_URL"] = "http://127.0.0.1:5081",
        ["NRFCLOUD_MOCK_TOKEN"] = "mock",
    };

    [Fact]
    public void Without_FOTA_API_URL_the_suite_runs_in_process()
    {
        DeployedSettings.FromEnvironment(_ => null).Should().BeNull();
    }

    [Fact]
    public void All_four_variables_make_deployed_settings()
    {
        var settings = DeployedSettings.FromEnvironment(name => Complete.GetValueOrDefault(name));

        settings.Should().Be(new DeployedSettings(new Uri("http://127.0.0.1:5080"), "admin", new Uri("http://127.0.0.1:5081"), "mock"));
    }

    [Theory]
    [InlineData("FOTA_ADMIN_TOKEN")]
    [InlineData("NRFCLOUD_MOCK_URL")]
    [InlineData("NRFCLOUD_MOCK_TOKEN")]
    public void A_missing_variable_fails_naming_it(string missing)
    {
        var read = () => DeployedSettings.FromEnvironment(name => name == missing ? null : Complete.GetValueOrDefault(name));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{missing} is not set*");
    }

    [Fact]
    public void An_empty_mock_token_means_an_open_mock_admin_api()
    {
        var settings = DeployedSettings.FromEnvironment(name => name == "NRFCLOUD_MOCK_TOKEN" ? string.Empty : Complete.GetValueOrDefault(name));

        settings!.MockToken.Should().BeEmpty();
    }

    [Fact]
    public void A_relative_url_is_rejected_naming_the_variable()
    {
        var read = () => DeployedSettings.FromEnvironment(name => name == "NRFCLOUD_MOCK_URL" ? "localhost:5081" : Complete.GetValueOrDefault(name));

        read.Should().Throw<InvalidOperationException>().WithMessage("*NRFCLOUD_MOCK_URL*");
    }

    [Fact]
    public void The_optional_test_environment_variables_are_read()
    {
        var environment = new Dictionary<string, string?>(Complete)
        {
            ["FOTA_CONFIGURED_ACCOUNT"] = "suite-configured",
            ["FOTA_POLLER_FIRST_RETRY_DELAY"] = "00:00:00.200",
            ["FOTA_UPGRADE_PATH_INTERVAL"] = "00:00:00.050",
        };

        var settings = DeployedSettings.FromEnvironment(name => environment.GetValueOrDefault(name))!;

        settings.ConfiguredAccount.Should().Be("suite-configured");
        settings.PollerFirstRetryDelay.Should().Be(TimeSpan.FromMilliseconds(200));
        settings.UpgradePathInterval.Should().Be(TimeSpan.FromMilliseconds(50));
        DeployedSettings.FromEnvironment(name => Complete.GetValueOrDefault(name))!.ConfiguredAccount.Should().BeNull();
    }

    [Theory]
    [InlineData("FOTA_POLLER_FIRST_RETRY_DELAY", "200ms")]
    [InlineData("FOTA_POLLER_FIRST_RETRY_DELAY", "00:00:00")]
    [InlineData("FOTA_UPGRADE_PATH_INTERVAL", "50ms")]
    public void A_delay_that_is_no_positive_time_span_is_rejected_naming_the_variable(string variable, string value)
    {
        var read = () => DeployedSettings.FromEnvironment(name => name == variable ? value : Complete.GetValueOrDefault(name));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{variable}*");
    }
}
