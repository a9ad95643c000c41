using Reqnroll.Formatters.Configuration;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// Reqnroll resolves a relative formatter <c>outputFilePath</c> against the working folder, which differs
/// between <c>dotnet test</c>, IDEs and deployed runs; here it is resolved against the repository root.
/// </summary>
internal sealed class RepositoryRootedFormattersConfiguration(IFormattersConfigurationProvider inner, string root)
    : IFormattersConfigurationProvider
{
    private const string OutputFilePath = "outputFilePath";

    public bool Enabled => inner.Enabled;

    public IDictionary<string, object> GetFormatterConfigurationByName(string formatterName)
    {
        var configuration = inner.GetFormatterConfigurationByName(formatterName);
        if (configuration is null
            || !configuration.TryGetValue(OutputFilePath, out var value)
            || value?.ToString() is not { Length: > 0 } path
            || Path.IsPathRooted(path))
        {
            return configuration!;
        }

        return new Dictionary<string, object>(configuration, StringComparer.Ordinal)
        {
            [OutputFilePath] = Path.Combine(root, path),
        };
    }

    public string ResolveTemplatePlaceholders(string template) => inner.ResolveTemplatePlaceholders(template);
}
