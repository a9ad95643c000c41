namespace Fota.FeatureRunner.Tests.Bindings;

/// <summary>
/// Where the hooks say that they ran: the file named by <see cref="Variable"/> (set for a child run by
/// <c>ChildRun</c>), one line each.
/// </summary>
public static class HookLog
{
    public const string Variable = "FEATURE_RUNNER_HOOK_LOG";

    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } file)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
