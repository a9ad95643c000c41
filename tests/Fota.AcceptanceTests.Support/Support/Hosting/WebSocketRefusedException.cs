namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>The service answered a WebSocket upgrade with another status than 101.</summary>
public sealed class WebSocketRefusedException : Exception
{
    public WebSocketRefusedException()
    {
    }

    public WebSocketRefusedException(string message)
        : base(message)
    {
    }

    public WebSocketRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebSocketRefusedException(int statusCode, string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
