using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fota.Api.Devices;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// The registry's admin API: bearer-token protected, absent without a token. nRF Cloud is the real mock (tests/README.md),
/// but for the default account's test: its endpoint is https://api.nrfcloud.com itself, which only the fake nRF Cloud (a
/// primary handler of the service's clients) can answer.
/// </summary>
public sealed class AdminTests(NoPollerMockApiFixture fixture) : IClassFixture<NoPollerMockApiFixture>
{
    private readonly FotaApiFactory _api = fixture.Api;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("test-admin-token-5b1")]
    [InlineData("test-admin-token-5b1f-and-more")]
    public async Task A_missing_or_wrong_token_is_401(string? token)
    {
        using var client = _api.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var account = await client.PutAsJsonAsync("/admin/accounts/x", new { apiEndpoint = "https://a.test", apiKey = "k" }, TestContext.Current.CancellationToken);
        await account.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var device = await client.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = "x" }, TestContext.Current.CancellationToken);
        await device.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_an_admin_token_the_admin_API_does_not_exist()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Admin:Token"] = null, ["Fota:Poller:Enabled"] = "false" });
        using var client = api.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/admin/devices", new { model = "PCA20065" }, TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_account_is_created_then_updated_and_its_key_is_never_shown()
    {
        using var admin = _api.CreateAdminClient();

        var created = await admin.PutAsJsonAsync("/admin/accounts/elite", new { apiEndpoint = "https://one.test", apiKey = "secret-key-1" }, TestContext.Current.CancellationToken);
        var updated = await admin.PutAsJsonAsync("/admin/accounts/elite", new { apiEndpoint = _api.NrfCloudEndpoint, apiKey = "secret-key-2" }, TestContext.Current.CancellationToken);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await created.Content.ReadAsStringAsync()).Should().NotContain("secret-key");
        var body = await updated.Content.ReadAsStringAsync();
        body.Should().NotContain("secret-key").And.Contain(_api.NrfCloudEndpoint.TrimEnd('/'));

        var device = await (await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = "elite" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<DeviceResponse>(TestContext.Current.CancellationToken);
        await _api.Mock.QueueAsync("secret-key-2", DeviceApi.CreateRoute, HttpStatusCode.OK, NrfCloudJson.Created("job-1"));
        using var client = _api.CreateClient();
        (await client.ScheduleAsync(device!)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var call = (await _api.Mock.CallsAsync("secret-key-2", "POST", "/v1/fota-jobs")).Single(c => c.Body.Contains(device!.DeviceId, StringComparison.Ordinal));
        call.ResponseId.Should().NotBeNull("the update replaced the endpoint: the mock (not https://one.test) answered");
        call.Headers["Authorization"].Should().Be("Bearer secret-key-2");
    }

    [Theory]
    [InlineData("{\"apiKey\":\"k\"}", "apiEndpoint")]
    [InlineData("{\"apiEndpoint\":\"not a url\",\"apiKey\":\"k\"}", "apiEndpoint")]
    [InlineData("{\"apiEndpoint\":\"ftp://x.test\",\"apiKey\":\"k\"}", "apiEndpoint")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"key\\r\\nX-Injected: 1\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"schl\u00fcssel\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"two words\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"k\\u0000\"}", "apiKey")]
    [InlineData("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"k\",\"endpoint\":\"https://y.test\"}", "endpoint")]
    [InlineData("[]", "body")]
    [InlineData("{nope", "body")]
    public async Task Bad_account_fields_are_400_naming_them(string body, string field)
    {
        using var admin = _api.CreateAdminClient();

        var response = await admin.PutAsync("/admin/accounts/x", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain(field);
    }

    [Theory]
    [InlineData("x%0A")]
    [InlineData("x%0D")]
    [InlineData("na%C3%AFve")]
    [InlineData("has%20space")]
    public async Task An_account_name_outside_the_charset_is_400_naming_it(string escapedName)
    {
        using var admin = _api.CreateAdminClient();

        var response = await admin.PutAsync(
            $"/admin/accounts/{escapedName}",
            new StringContent("{\"apiEndpoint\":\"https://x.test\",\"apiKey\":\"k\"}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("name");
    }

    [Fact]
    public async Task A_device_gets_a_generated_id_and_fingerprint_of_the_right_shape()
    {
        var device = await _api.RegisterDeviceAsync();

        device.DeviceId.Should().MatchRegex("^oob-[0-9]{15}$");
        device.Fingerprint.Should().MatchRegex("^[a-f0-9]+\\.[abcdefghijkmnpqrstuvwxyz2-9]{6}$");
        Fingerprints.IsValid(device.Fingerprint).Should().BeTrue();
        device.Model.Should().Be("PCA20065");
        device.Account.Should().Be(FotaApiFactory.AccountName);
        DeviceIdentifiers.LuhnCheckDigit(device.DeviceId[4..^1]).Should().Be(device.DeviceId[^1] - '0', "the IMEI's last digit is its Luhn check digit");
    }

    [Fact]
    public async Task A_device_keeps_a_given_id_and_fingerprint()
    {
        var deviceId = $"my-device-{Guid.NewGuid():N}";
        var device = await _api.RegisterDeviceAsync(deviceId, "ABC.Y7I24Q");

        device.DeviceId.Should().Be(deviceId);
        device.Fingerprint.Should().Be("ABC.Y7I24Q");
    }

    [Fact]
    public async Task A_duplicate_id_or_fingerprint_is_409()
    {
        var first = await _api.RegisterDeviceAsync();
        using var admin = _api.CreateAdminClient();

        var sameId = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = FotaApiFactory.AccountName, deviceId = first.DeviceId }, TestContext.Current.CancellationToken);
        var sameFingerprint = await admin.PostAsJsonAsync(
            "/admin/devices", new { model = "PCA20065", account = FotaApiFactory.AccountName, fingerprint = first.Fingerprint.ToUpperInvariant() }, TestContext.Current.CancellationToken);

        (await sameId.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail().Should().Contain(first.DeviceId);
        (await sameFingerprint.ShouldBeProblemAsync(HttpStatusCode.Conflict))["title"]!.GetValue<string>().Should().Contain("Fingerprint");
    }

    [Theory]
    [InlineData("{\"account\":\"test\"}", "model")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"no-such-account\"}", "account")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"fingerprint\":\"zzz.y7i24q\"}", "fingerprint")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"deviceId\":\"has space\"}", "deviceId")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"deviceId\":42}", "deviceId")]
    [InlineData("\"PCA20065\"", "body")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"deviceId\":\"oob-1\\n\"}", "deviceId")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"deviceId\":\"oob-\u00e9\"}", "deviceId")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\\n\"}", "account")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"fingerprint\":\"ABC.Y7I24\u212A\"}", "fingerprint")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"fingerprint\":\"ABC.Y7I24Q\\n\"}", "fingerprint")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"id\":\"oob-1\"}", "id")]
    [InlineData("{\"model\":\"PCA20065\",\"account\":\"test\",\"DeviceId\":\"oob-1\"}", "DeviceId")]
    public async Task Bad_device_fields_are_400_naming_them(string body, string field)
    {
        await _api.RegisterDeviceAsync(); // creates the account "test"
        using var admin = _api.CreateAdminClient();

        var response = await admin.PostAsync("/admin/devices", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain(field);
    }

    [Fact]
    public async Task An_unknown_field_creates_nothing()
    {
        var existing = await _api.RegisterDeviceAsync();
        using var admin = _api.CreateAdminClient();

        var response = await admin.PostAsync(
            "/admin/devices",
            new StringContent($"{{\"model\":\"PCA20065\",\"account\":\"test\",\"id\":\"{existing.DeviceId}-new\"}}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail();
        detail.Should().Contain("id: is not a field").And.Contain("deviceId", "the detail names the fields there are");
    }

    [Fact]
    public void A_fingerprint_is_ascii_only_whatever_the_case()
    {
        Fingerprints.IsValid("abc.y7i24k").Should().BeTrue();
        Fingerprints.IsValid("abc.y7i24\u212A").Should().BeFalse("the Kelvin sign is no K");
        Fingerprints.IsValid("\uFF21BC.Y7I24Q").Should().BeFalse("a full-width A is no A");
    }

    [Fact]
    public async Task Accounts_from_configuration_work_and_nordic_is_the_default_account()
    {
        // The fake nRF Cloud: it answers for https://api.nrfcloud.com.
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
            ["NrfCloud:Accounts:nordic:ApiKey"] = "configured-key",
        });
        using var admin = api.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065" }, TestContext.Current.CancellationToken);
        var device = await created.Content.ReadFromJsonAsync<DeviceResponse>(TestContext.Current.CancellationToken);
        device!.Account.Should().Be("nordic");
        api.NrfCloud.AcceptCreate("job-1");
        using var client = api.CreateClient();

        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var call = api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Single();
        call.Uri.Should().Be(new Uri("https://api.nrfcloud.com/v1/fota-jobs"), "the default endpoint is nRF Cloud's");
        call.Header("Authorization").Should().Be("Bearer configured-key");
    }
}
