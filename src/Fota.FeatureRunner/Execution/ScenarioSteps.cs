using Fota.FeatureRunner.Discovery;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Fota.FeatureRunner.Execution;

/// <summary>What generated code-behind does for a step: call Given/When/Then with text, doc string and table.</summary>
internal static class ScenarioSteps
{
    public static Task RunAsync(ITestRunner runner, ParsedFeature feature, PickleStep step)
    {
        var keyword = feature.AstStep(step).Keyword;
        var docString = step.Argument?.DocString?.Content;
        var table = ToTable(step.Argument?.DataTable);
        return step.Type switch
        {
            PickleStepType.ACTION => runner.WhenAsync(step.Text, docString, table, keyword),
            PickleStepType.OUTCOME => runner.ThenAsync(step.Text, docString, table, keyword),
            _ => runner.GivenAsync(step.Text, docString, table, keyword),
        };
    }

    /// <summary><c>Then the status … (features/DeviceFota.feature:42)</c></summary>
    public static string Describe(ParsedFeature feature, PickleStep step)
    {
        var ast = feature.AstStep(step);
        return $"{ast.Keyword.Trim()} {step.Text} ({feature.DisplayPath}:{ast.Location.Line})";
    }

    private static Table? ToTable(PickleTable? dataTable)
    {
        if (dataTable is null || dataTable.Rows.Count == 0)
        {
            return null;
        }

        var table = new Table(dataTable.Rows[0].Cells.Select(cell => cell.Value).ToArray());
        foreach (var row in dataTable.Rows.Skip(1))
        {
            table.AddRow(row.Cells.Select(cell => cell.Value).ToArray());
        }

        return table;
    }
}
