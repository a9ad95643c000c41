namespace Fota.FeatureRunner.Reporting;

/// <summary>The repository root: the nearest folder above the test output that holds a solution file.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.sln").Any() || folder.EnumerateFiles("*.slnx").Any())
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
