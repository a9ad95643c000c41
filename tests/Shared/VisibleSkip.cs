using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Fota.Testing;

/// <summary>
/// Skips the calling test and says why in the plain <c>dotnet test</c> output. VSTest's console logger prints a
/// skip's reason only at detailed verbosity; xUnit diagnostic messages (the project's <c>xunit.runner.json</c> sets
/// <c>diagnosticMessages</c>) reach it as warnings, which the default verbosity shows. Each reason is said once per
/// test assembly, however many tests it skips. Compiled into the test projects by a linked <c>&lt;Compile Include&gt;</c>.
/// </summary>
internal static class VisibleSkip
{
    private static readonly ConcurrentDictionary<string, bool> Said = new(StringComparer.Ordinal);

    [DoesNotReturn]
    public static void Because(string reason)
    {
        if (Said.TryAdd(reason, true))
        {
            TestContext.Current.SendDiagnosticMessage("{0}", "Skipped: " + reason);
        }

        Assert.Skip(reason);
    }
}
