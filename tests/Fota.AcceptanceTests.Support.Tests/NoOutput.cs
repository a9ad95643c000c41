using Reqnroll;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>A Reqnroll output helper that drops what drivers log.</summary>
internal sealed class NoOutput : IReqnrollOutputHelper
{
    public void WriteLine(string message)
    {
    }

    public void WriteLine(string format, params object[] args)
    {
    }

    public void AddAttachment(string filePath)
    {
    }
}
