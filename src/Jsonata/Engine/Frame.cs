namespace Jsonata.Engine;

/// <summary>Per-evaluation state shared by all frames of one evaluation.</summary>
internal sealed class EvalState(DateTimeOffset now, int maxDepth, long deadline)
{
    public const int DefaultMaxDepth = 500;

    public DateTimeOffset Now { get; } = now;

    public double Millis { get; } = now.ToUnixTimeMilliseconds();

    /// <summary>Current nesting of evaluate calls; bounded so runaway recursion fails with U1001 instead of crashing the process.</summary>
    public int Depth { get; set; }

    public int MaxDepth { get; } = maxDepth;

    /// <summary>Environment.TickCount64 after which evaluation stops (0 = no limit).</summary>
    public long Deadline { get; } = deadline;

    public int Ticks { get; set; }
}

/// <summary>A variable scope. The built-in frame is shared and read-only; every evaluation builds its own frames on top.</summary>
internal sealed class Frame
{
    private readonly Frame? _parent;

    // most frames hold one variable: keep it inline and only allocate a dictionary for more
    private string? _firstName;
    private object? _firstValue;
    private Dictionary<string, object?>? _vars;

    public Frame(Frame? parent, EvalState? state)
    {
        _parent = parent;
        State = state ?? parent?.State;
    }

    public Frame(Frame parent)
        : this(parent, parent.State)
    {
    }

    public EvalState? State { get; }

    public void Bind(string name, object? value)
    {
        if (_firstName == null || _firstName == name)
        {
            _firstName = name;
            _firstValue = value;
            return;
        }

        (_vars ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
    }

    public object? Lookup(string name)
    {
        for (var f = this; f != null; f = f._parent)
        {
            if (f._firstName == name)
            {
                return f._firstValue;
            }

            if (f._vars != null && f._vars.TryGetValue(name, out var v))
            {
                return v;
            }
        }

        return null;
    }
}
