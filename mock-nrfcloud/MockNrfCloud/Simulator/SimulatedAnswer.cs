namespace MockNrfCloud.Simulator;

/// <summary>What the simulator answers an nRF Cloud request: a status and a JSON body (empty: none).</summary>
internal sealed record SimulatedAnswer(int StatusCode, string Body)
{
    /// <summary>The journal's responseId for requests the simulator answered.</summary>
    public const string ResponseId = "simulator";

    public static SimulatedAnswer Ok(string json) => new(200, json);

    /// <summary>nRF Cloud's error shape: {"code", "message"}; the code is the status followed by two digits.</summary>
    public static SimulatedAnswer Error(int status, int code, string message) => new(status, SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    }));
}
