using Reqnroll.Infrastructure;

namespace Fota.FeatureRunner.Plugin;

/// <summary>Files attached with <c>IReqnrollOutputHelper.AddAttachment</c> become xUnit attachments.</summary>
internal sealed class XunitAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath)
    {
        ScenarioOutput.WriteLine($"Attachment: {filePath}");
        if (File.Exists(filePath))
        {
            TestContext.Current.AddAttachment(Path.GetFileName(filePath), File.ReadAllBytes(filePath));
        }
    }
}
