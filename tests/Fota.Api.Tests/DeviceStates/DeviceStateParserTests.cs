using System.Text.Json.Nodes;
using Fota.Api.DeviceStates;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests.DeviceStates;

/// <summary>SPEC §3.5's versions and targets, and §2.11's state message, from nRF Cloud's shadow.</summary>
public sealed class DeviceStateParserTests
{
    private static string Reported(JsonObject item) => item["state"]!["reported"]!.ToJsonString();

    private static string Metadata(JsonObject item) => item["state"]!["metadata"]!["reported"]!.ToJsonString();

    [Theory]
    [InlineData("2.0.0", "2.0.0")]
    [InlineData("v2.0.1", "2.0.1")]
    [InlineData("2.1", "2.1.0")]
    [InlineData("2.0.1-rc1+build.7", "2.0.1")]
    [InlineData("not a version", null)]
    public void App_versions_are_normalised_to_major_minor_patch(string reported, string? expected) =>
        DeviceStateParser.Parse("d", Reported(DeviceShadows.Item("d", appVersion: reported))).AppVersion.Should().Be(expected);

    [Theory]
    [InlineData("mfw_nrf91x1_2.0.1", "2.0.1")]
    [InlineData("mfw_nrf9160_1.3.5", "1.3.5")]
    [InlineData("1.3.4", "1.3.4")]
    public void The_modem_version_is_the_part_after_the_last_underscore(string modemFirmware, string expected) =>
        DeviceStateParser.Parse("d", Reported(DeviceShadows.Item("d", modemFirmware: modemFirmware))).ModemVersion.Should().Be(expected);

    [Theory]
    [InlineData(new[] { "BOOT", "MODEM", "APP" }, new[] { FotaTarget.App, FotaTarget.Modem })]
    [InlineData(new[] { "MDM_FULL" }, new[] { FotaTarget.Modem })]
    [InlineData(new[] { "APP" }, new[] { FotaTarget.App })]
    [InlineData(new[] { "BOOT" }, new FotaTarget[0])]
    public void Supported_targets_come_from_fota_v2(string[] fotaTypes, FotaTarget[] expected)
    {
        var state = DeviceStateParser.Parse("d", Reported(DeviceShadows.Item("d", fotaTypes: fotaTypes)));
        state.SupportedTargets.Should().BeEquivalentTo(expected);
        state.FotaTypes.Should().Equal(fotaTypes);
    }

    [Fact]
    public void A_device_reporting_nothing_has_no_versions_and_no_targets()
    {
        var state = DeviceStateParser.Parse("d", "{}");
        state.Should().Match<DeviceState>(s => s.AppVersion == null && s.ModemVersion == null && s.SupportedTargets.Count == 0 && s.FotaTypes.Count == 0);
        var message = JsonNode.Parse(DeviceStateParser.ToShadowMessage("{}", null).Serialize())!;
        message.ToJsonString().Should().Be("""{"@context":"https://github.com/hello-nrfcloud/proto/shadow","reported":[],"desired":[]}""");
    }

    [Fact]
    public void The_state_message_has_object_14401_and_14204_with_timestamps_in_seconds()
    {
        var item = DeviceShadows.Item("d", timestamp: 1716801888);

        var serialized = DeviceStateParser.ToShadowMessage(Reported(item), Metadata(item)).Serialize();

        serialized.Should().Be(
            """{"@context":"https://github.com/hello-nrfcloud/proto/shadow","reported":["""
            + """{"ObjectID":14401,"ObjectVersion":"1.0","ObjectInstanceID":0,"Resources":{"0":["BOOT","MODEM","APP"],"99":1716801988}},"""
            + """{"ObjectID":14204,"ObjectVersion":"1.0","ObjectInstanceID":0,"Resources":{"0":"355025930003908","2":"mfw_nrf91x1_2.0.1","3":"2.0.0","4":"thingy91x","99":1716801888}}"""
            + """],"desired":[]}""");
        ShadowMessage.IsShadowMessage(serialized).Should().BeTrue();
        Contract.ShouldValidate(JsonNode.Parse(serialized), Contract.Shadow);
    }

    [Fact]
    public void Object_14204_holds_only_the_resources_reported()
    {
        const string reported = """{"device":{"deviceInfo":{"appVersion":"1.1.0","hwVer":"x"}}}""";
        const string metadata = """{"device":{"deviceInfo":{"appVersion":{"timestamp":1700000000.7},"hwVer":{"timestamp":1800000000}}}}""";

        var message = JsonNode.Parse(DeviceStateParser.ToShadowMessage(reported, metadata).Serialize())!;

        message["reported"]!.AsArray().Should().ContainSingle();
        message["reported"]![0]!["Resources"]!.ToJsonString().Should().Be("""{"3":"1.1.0","99":1700000000}""", "hwVer is no resource, so its time does not count");
        Contract.ShouldValidate(message, Contract.Shadow);
    }
}
