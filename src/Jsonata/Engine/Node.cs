using System.Text.RegularExpressions;

namespace Jsonata.Engine;

internal enum NodeType
{
    Path,
    Binary,
    Unary,
    Name,
    String,
    Number,
    Value,
    Wildcard,
    Descendant,
    Parent,
    Condition,
    Block,
    Bind,
    Regex,
    Function,
    Partial,
    Variable,
    Lambda,
    Apply,
    Transform,
    Sort,
    Placeholder,
    Operator,
    End,
}

internal enum StageKind
{
    Filter,
    Index,
}

internal sealed record Stage(StageKind Kind, Node? Expr, string? IndexVariable, int Position);

internal sealed record SortTerm(bool Descending, Node Expression);

/// <summary>Where a parent reference (%) gets its value: a tuple binding labelled by the step that is the ancestor.</summary>
internal sealed class AncestorSlot(string label, int level, int index)
{
    public string Label { get; set; } = label;

    public int Level { get; set; } = level;

    public int Index { get; } = index;
}

internal sealed record GroupSpec(List<(Node Key, Node Value)> Pairs, int Position);

/// <summary>An AST node. Built and rewritten by the parser, then never mutated (safe to share between threads).</summary>
internal sealed class Node(NodeType type, object? value, int position)
{
    public NodeType Type { get; set; } = type;

    /// <summary>Operator text, name, variable name or literal value.</summary>
    public object? Value { get; set; } = value;

    public int Position { get; set; } = position;

    public string Text => Value as string ?? string.Empty;

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    public Node? Expression { get; set; }

    public List<Node>? Expressions { get; set; }

    public List<(Node Key, Node Value)>? Pairs { get; set; }

    public List<Node>? Steps { get; set; }

    public List<Stage>? Stages { get; set; }

    public List<Stage>? Predicate { get; set; }

    public GroupSpec? Group { get; set; }

    public List<SortTerm>? Terms { get; set; }

    public bool KeepArray { get; set; }

    public bool ConsArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    public string? Focus { get; set; }

    public string? IndexVariable { get; set; }

    public bool Tuple { get; set; }

    public Node? Procedure { get; set; }

    public List<Node>? Arguments { get; set; }

    public Signature? Signature { get; set; }

    public Node? Body { get; set; }

    public bool Thunk { get; set; }

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Pattern { get; set; }

    public Node? Update { get; set; }

    public Node? Delete { get; set; }

    public Regex? CompiledRegex { get; set; }

    /// <summary>For a parent (%) node: the slot it reads.</summary>
    public AncestorSlot? Slot { get; set; }

    /// <summary>For a step: the slot to fill with this step's context value.</summary>
    public AncestorSlot? Ancestor { get; set; }

    /// <summary>Parent references below this node not yet resolved to a step.</summary>
    public List<AncestorSlot>? SeekingParent { get; set; }

    /// <summary>A path that is one plain field name: no predicates, grouping, bindings or array flags.</summary>
    public bool IsSimpleName => Type == NodeType.Path && !KeepSingletonArray && Group == null && Steps is [{ } s]
        && s.Type == NodeType.Name && s.Stages == null && s.Predicate == null && s.Group == null
        && !s.Tuple && s.Focus == null && s.IndexVariable == null && !s.KeepArray;
}
