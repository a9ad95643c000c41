using System.Net;
using System.Text;
using Fota.Api.Devices;
using Fota.Api.Tests.Support;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests;

/// <summary>Every error is a protocol problem document; the device endpoints check 400 → 404 → 403 in that order.</summary>
public sealed class ValidationAndErrorTests(DefaultMockApiFixture fixture) : IClassFixture<DefaultMockApiFixture>, IAsyncLifetime
{
    private readonly FotaApiFactory _api = fixture.Api;
    private HttpClient _client = null!;
    private DeviceResponse _device = null!;

    public async ValueTask InitializeAsync()
    {
        _device = await _api.RegisterDeviceAsync();
        _client = _api.CreateClient();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The calls to nRF Cloud made for this test's device (the mock's journal of the shared account).</summary>
    private async Task<IEnumerable<RecordedRequest>> CallsForDeviceAsync(string? method = null, string? path = null) =>
        (await _api.Mock.CallsAsync(_api.ApiKey, method, path)).Where(c => c.Body.Contains(_device.DeviceId, StringComparison.Ordinal));

    private Task<HttpResponseMessage> PostAsync(string path, string body, string contentType = "application/json") =>
        _client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("", "fingerprint")]
    [InlineData("not-a-fingerprint", "fingerprint")]
    [InlineData("92b.y7i2", "fingerprint")]
    [InlineData("92g.y7i24q", "fingerprint")]
    [InlineData("92b.y7i24l", "fingerprint")]
    [InlineData("", "fingerprint: is required (query parameter), must match ^[A-F0-9]+")]
    [InlineData("92b.y7i24", "fingerprint: is invalid, must match ^[A-F0-9]+")]
    public async Task A_bad_fingerprint_is_400_naming_it(string fingerprint, string detailPart)
    {
        var schedule = await PostAsync(DeviceApi.SchedulePath(_device, fingerprint), "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}");
        (await schedule.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain(detailPart);

        var list = await _client.GetAsync(DeviceApi.JobsPath(_device, fingerprint), TestContext.Current.CancellationToken);
        (await list.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain(detailPart);
    }

    [Fact]
    public async Task A_missing_fingerprint_parameter_is_400()
    {
        var response = await _client.GetAsync($"/device/{_device.DeviceId}/fota/jobs", TestContext.Current.CancellationToken);
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should()
            .Contain("fingerprint: is required (query parameter), must match ^[A-F0-9]+");
    }

    [Theory]
    [InlineData("{}", "bundleId")]
    [InlineData("{\"bundleId\":42}", "bundleId")]
    [InlineData("{\"bundleId\":\"APP*1e29dfa*v2.0.0\"}", "bundleId")]
    [InlineData("{\"bundleId\":\"FOO*1e29dfa3*v2.0.0\"}", "bundleId")]
    [InlineData("[\"APP*1e29dfa3*v2.0.0\"]", "body")]
    [InlineData("\"APP*1e29dfa3*v2.0.0\"", "body")]
    [InlineData("{\"bundleId\": \"APP*1e29", "body")]
    [InlineData("", "body")]
    [InlineData("{}", "bundleId: is required (a string), must match ^(APP|")]
    [InlineData("{\"bundleId\":42}", "bundleId: is required (a string), must match ^(APP|")]
    [InlineData("{\"bundleId\":\"nope\"}", "bundleId: is invalid, must match ^(APP|")]
    [InlineData("[1]", "body: must be a JSON object like {\"bundleId\": \"APP*1e29dfa3*v2.0.0\"}")]
    public async Task A_bad_body_is_400_naming_the_field(string body, string detailPart)
    {
        var response = await PostAsync(DeviceApi.SchedulePath(_device), body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().Contain(detailPart);
        (await CallsForDeviceAsync()).Should().BeEmpty("nothing is sent to nRF Cloud for a bad request");
    }

    [Fact]
    public async Task Detail_names_every_failing_field()
    {
        var response = await PostAsync(DeviceApi.SchedulePath(_device, "nope"), "{\"bundleId\":\"nope\"}");

        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail();
        detail.Should().Contain("fingerprint").And.Contain("bundleId");
    }

    [Fact]
    public async Task Every_bundle_type_is_accepted()
    {
        foreach (var type in new[] { "APP", "MODEM", "BOOT", "SOFTDEVICE", "BOOTLOADER", "MDM_FULL" })
        {
            await _api.AcceptCreateAsync(Guid.NewGuid().ToString());
            var response = await PostAsync(DeviceApi.SchedulePath(_device), $"{{\"bundleId\":\"{type}*1e29dfa3*anything\"}}");
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, $"{type} bundles are valid");
        }
    }

    [Fact]
    public async Task An_unknown_device_is_404_with_its_id()
    {
        var unknown = _device with { DeviceId = "oob-000000000000000" };

        var schedule = await PostAsync(DeviceApi.SchedulePath(unknown), "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}");
        var problem = await schedule.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["title"]!.GetValue<string>().Should().Be("No device found with ID!");
        problem.Detail().Should().Be(unknown.DeviceId);

        var list = await _client.GetAsync(DeviceApi.JobsPath(unknown), TestContext.Current.CancellationToken);
        (await list.ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be("No device found with ID!");
    }

    [Fact]
    public async Task Another_devices_fingerprint_is_403()
    {
        var other = await _api.RegisterDeviceAsync();

        var schedule = await PostAsync(DeviceApi.SchedulePath(_device, other.Fingerprint), "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}");
        (await schedule.ShouldBeProblemAsync(HttpStatusCode.Forbidden))["title"]!.GetValue<string>().Should().Be("Fingerprint does not match!");

        var list = await _client.GetAsync(DeviceApi.JobsPath(_device, other.Fingerprint), TestContext.Current.CancellationToken);
        var listed = await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        listed["title"]!.GetValue<string>().Should().Be("Fingerprint does not match!");
        listed.Detail().Should().Be($"The fingerprint does not belong to device {_device.DeviceId}.");
        (await CallsForDeviceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Validation_comes_before_the_device_lookup_and_the_lookup_before_the_fingerprint()
    {
        var unknown = _device with { DeviceId = "oob-000000000000000" };
        var invalidForUnknown = await PostAsync(DeviceApi.SchedulePath(unknown), "{\"bundleId\":\"bad\"}");
        await invalidForUnknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var other = await _api.RegisterDeviceAsync();
        var invalidWithWrongFingerprint = await PostAsync(DeviceApi.SchedulePath(_device, other.Fingerprint), "{}");
        await invalidWithWrongFingerprint.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var unknownWithWrongFingerprint = await PostAsync(DeviceApi.SchedulePath(unknown, other.Fingerprint), "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}");
        await unknownWithWrongFingerprint.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        var response = await PostAsync(DeviceApi.SchedulePath(_device), "bundleId=APP*1e29dfa3*v2.0.0", "text/plain");
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=\"utf-32\"")]
    public async Task A_JSON_body_in_another_charset_than_UTF_8_is_415_naming_it(string contentType)
    {
        var response = await PostDeclaredAsync(Encoding.Unicode.GetBytes("{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}"), contentType);

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).Detail().Should().Contain("UTF-8");
        (await CallsForDeviceAsync("POST", "/v1/fota-jobs")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json")]
    public async Task A_JSON_body_in_UTF_8_is_read_whatever_the_spelling(string contentType)
    {
        var response = await PostDeclaredAsync(Encoding.UTF8.GetBytes("{\"bundleId\":\"bad\"}"), contentType);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("bundleId", "the body was read");
    }

    /// <summary>Schedules with <paramref name="body"/> sent as is, declared as <paramref name="contentType"/>.</summary>
    private Task<HttpResponseMessage> PostDeclaredAsync(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return _client.PostAsync(DeviceApi.SchedulePath(_device), content, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_body_without_content_type_is_415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}"));
        var response = await _client.PostAsync(DeviceApi.SchedulePath(_device), content, TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var huge = "{\"bundleId\":\"APP*1e29dfa3*" + new string('x', 100_000) + "\"}";

        var response = await PostAsync(DeviceApi.SchedulePath(_device), huge);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await CallsForDeviceAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_oversized_body_without_content_length_is_413_too()
    {
        var huge = Encoding.UTF8.GetBytes("{\"bundleId\":\"APP*1e29dfa3*" + new string('x', 100_000) + "\"}");
        var content = new StreamContent(new NoLengthStream(huge));
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync(DeviceApi.SchedulePath(_device), content, TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        var response = await _client.DeleteAsync(DeviceApi.JobsPath(_device), TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_unknown_route_is_404()
    {
        var response = await _client.GetAsync("/no/such/route", TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A stream that hides its length, so the request is sent chunked without Content-Length.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
