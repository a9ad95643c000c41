using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Fota.Api.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fota.Api.Tests;

/// <summary>
/// Bodies that parse lazily into trouble (duplicate keys, invalid UTF-8, lone surrogates, deep nesting) are a 400 naming the
/// body on every endpoint that reads one, never a 500, and nothing reaches nRF Cloud.
/// </summary>
public sealed class MalformedBodyTests(DefaultMockApiFixture fixture) : IClassFixture<DefaultMockApiFixture>
{
    private readonly FotaApiFactory _api = fixture.Api;

    /// <summary>Each case as UTF-8 text with {BAD} standing for raw invalid bytes (C0 AF, FF, or a cut-off E2 82).</summary>
    public static TheoryData<string, string> Bodies => new()
    {
        { "duplicate key", "{\"bundleId\":\"x\",\"bundleId\":\"APP*1e29dfa3*v2.0.0\"}" },
        { "duplicate nested key", "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\",\"x\":{\"a\":1,\"a\":2}}" },
        { "lone high surrogate", "{\"bundleId\":\"\\ud800\"}" },
        { "lone low surrogate", "{\"bundleId\":\"\\udc00\"}" },
        { "reversed surrogates", "{\"bundleId\":\"\\udc00\\ud800\"}" },
        { "lone surrogate in a key", "{\"\\ud800\":\"APP*1e29dfa3*v2.0.0\"}" },
        { "lone surrogate elsewhere", "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\",\"note\":[\"\\ud83d\"]}" },
        { "overlong UTF-8", "{\"bundleId\":\"APP*1e29dfa3*v2.0.0{C0AF}\"}" },
        { "invalid UTF-8 byte", "{\"bundleId\":\"{FF}\"}" },
        { "cut-off UTF-8", "{\"bundleId\":\"APP*1e29dfa3*{E282}\"}" },
        { "invalid UTF-8 in a key", "{\"{FF}\":\"x\"}" },
        { "deep nesting", "{\"bundleId\":" + new string('[', 200) + new string(']', 200) + "}" },
        { "trailing garbage", "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\"} x" },
        { "raw control character", "{\"bundleId\":\"APP*1e29dfa3*v2.0.0\u0001\"}" },
    };

    /// <summary>The text as UTF-8, with each {HEX} token (e.g. {C0AF}) as those raw bytes.</summary>
    public static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        var at = 0;
        foreach (Match token in Regex.Matches(text, @"\{([0-9A-F]{2,6})\}"))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text[at..token.Index]));
            bytes.AddRange(Convert.FromHexString(token.Groups[1].Value));
            at = token.Index + token.Length;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text[at..]));
        return [.. bytes];
    }

    private static ByteArrayContent Json(string text)
    {
        var content = new ByteArrayContent(Bytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Scheduling_with_a_malformed_body_is_400_naming_the_body(string name, string body)
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();

        var response = await client.PostAsync(DeviceApi.SchedulePath(device), Json(body), TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().MatchRegex("body|bundleId", name);
        (await _api.Mock.CallsAsync(_api.ApiKey)).Should().NotContain(c => c.Body.Contains(device.DeviceId, StringComparison.Ordinal), "a bad body never reaches nRF Cloud");
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_admin_endpoints_answer_400_for_a_malformed_body_too(string name, string body)
    {
        using var admin = _api.CreateAdminClient();
        var admins = body.Replace("bundleId", "apiKey", StringComparison.Ordinal);

        var account = await admin.PutAsync("/admin/accounts/malformed", Json(admins), TestContext.Current.CancellationToken);
        var device = await admin.PostAsync("/admin/devices", Json(body.Replace("bundleId", "model", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        (await account.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().NotBeEmpty(name);
        (await device.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().NotBeEmpty(name);
    }

    [Theory]
    [InlineData("APP*1e29dfa3*v2.0.0\n")]
    [InlineData("APP*1e29dfa3*v2.0.0\r\n")]
    [InlineData("APP*1e29dfa3*\nv2.0.0")]
    public async Task A_bundle_id_with_a_newline_is_400(string bundleId)
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();

        var response = await client.ScheduleAsync(device, bundleId);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("bundleId");
    }

    [Fact]
    public async Task A_fingerprint_with_a_final_newline_is_400()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();

        var response = await client.GetAsync(DeviceApi.JobsPath(device, device.Fingerprint + "\n"), TestContext.Current.CancellationToken);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("fingerprint");
    }

    [Fact]
    public async Task HEAD_on_the_job_list_answers_like_GET_without_a_body()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, DeviceApi.JobsPath(device)), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/no/such/route")]
    public async Task Every_answer_says_nosniff_and_names_no_server(string path)
    {
        using var client = _api.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.Server.Should().BeEmpty();
        var kestrel = _api.Services.GetRequiredService<IOptions<KestrelServerOptions>>();
        kestrel.Value.AddServerHeader.Should().BeFalse("Kestrel's Server header is off");
    }
}
