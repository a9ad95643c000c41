using System.Globalization;
using System.Text;

namespace Fota.FeatureRunner.Tests;

/// <summary>An xUnit output helper that keeps what was written.</summary>
internal sealed class RecordingOutput : ITestOutputHelper
{
    private readonly StringBuilder _text = new();

    public string Output
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Write(string message)
    {
        lock (_text)
        {
            _text.Append(message);
        }
    }

    public void Write(string format, params object[] args) => Write(string.Format(CultureInfo.InvariantCulture, format, args));

    public void WriteLine(string message) => Write(message + Environment.NewLine);

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));
}
