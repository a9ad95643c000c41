using System.Security.Cryptography;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The client address this scenario's requests and WebSockets claim, so the service's per-client rate limit counts each
/// scenario on its own although the whole suite runs from one machine. Sent as <c>X-Forwarded-For</c>, which the service
/// honours from loopback (its default trusted proxy; in-process there is no peer address at all). The address is in
/// 2001:db8::/32, the IPv6 documentation range: it is only a header value, no traffic goes there. Random in its /64, the
/// unit the service limits an IPv6 client by, so concurrent runs against one deployed service do not share a limit.
/// </summary>
public sealed class ScenarioClient
{
    public const string Header = "X-Forwarded-For";

    public string Address { get; } = NewAddress();

    /// <summary>A second client of this scenario.</summary>
    public string OtherAddress { get; } = NewAddress();

    private static string NewAddress()
    {
        Span<byte> random = stackalloc byte[4];
        RandomNumberGenerator.Fill(random);
        return $"2001:db8:{random[0]:x2}{random[1]:x2}:{random[2]:x2}{random[3]:x2}::1";
    }
}
