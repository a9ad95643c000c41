namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The environment of deployed mode: FOTA_API_URL switches it on; FOTA_ADMIN_TOKEN, NRFCLOUD_MOCK_URL and
/// NRFCLOUD_MOCK_TOKEN must then be set too (NRFCLOUD_MOCK_TOKEN may be empty when the mock's admin API is open).
/// </summary>
public sealed record DeployedSettings(Uri ApiUrl, string AdminToken, Uri MockUrl, string MockToken)
{
    public const string ApiUrlVariable = "FOTA_API_URL";
    public const string AdminTokenVariable = "FOTA_ADMIN_TOKEN";
    public const string MockUrlVariable = "NRFCLOUD_MOCK_URL";
    public const string MockTokenVariable = "NRFCLOUD_MOCK_TOKEN";

    /// <summary>The deployed settings, or null when FOTA_API_URL is not set (in-process mode).</summary>
    public static DeployedSettings? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var apiUrl = environment(ApiUrlVariable);
        if (string.IsNullOrWhiteSpace(apiUrl))
        {
            return null;
        }

        var missing = new[] { AdminTokenVariable, MockUrlVariable, MockTokenVariable }
            .Where(name => environment(name) is null || (name != MockTokenVariable && string.IsNullOrWhiteSpace(environment(name))))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{ApiUrlVariable} is set, so the features run against a deployment, but {string.Join(" and ", missing)} "
                + $"{(missing.Count == 1 ? "is" : "are")} not set. Deployed mode needs {ApiUrlVariable}, {AdminTokenVariable}, "
                + $"{MockUrlVariable} and {MockTokenVariable} (empty when the mock's admin API is open).");
        }

        return new DeployedSettings(
            AbsoluteUrl(ApiUrlVariable, apiUrl),
            environment(AdminTokenVariable)!,
            AbsoluteUrl(MockUrlVariable, environment(MockUrlVariable)!),
            environment(MockTokenVariable)!);
    }

    private static Uri AbsoluteUrl(string name, string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"{name} must be an absolute http(s) URL, was '{value}'.");
}
