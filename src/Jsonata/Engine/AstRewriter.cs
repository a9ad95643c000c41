namespace Jsonata.Engine;

/// <summary>Rewrites the raw parse tree into the evaluable form (paths of steps, stages, tuple flags), like jsonata-js's processAST.</summary>
internal sealed class AstRewriter
{
    private readonly List<Node> _ancestry = [];
    private int _ancestorLabel;
    private int _ancestorIndex;

    public static Node Rewrite(Node expr)
    {
        var result = new AstRewriter().Process(expr);
        if (result.Type == NodeType.Parent || result.SeekingParent != null)
        {
            throw Errors.ParentNotDerivable(result.Position, result.Type.ToString().ToLowerInvariant());
        }

        return result;
    }

    private Node Process(Node expr)
    {
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Unary:
                result = new Node(NodeType.Unary, expr.Value, expr.Position);
                if (expr.Text == "[")
                {
                    result.Expressions = expr.Expressions!.ConvertAll(Process);
                    foreach (var item in result.Expressions)
                    {
                        PushAncestry(result, item);
                    }
                }
                else if (expr.Text == "{")
                {
                    result.Pairs = expr.Pairs!.ConvertAll(p => (Process(p.Key), Process(p.Value)));
                    foreach (var (key, value) in result.Pairs)
                    {
                        PushAncestry(result, key);
                        PushAncestry(result, value);
                    }
                }
                else
                {
                    result.Expression = Process(expr.Expression!);
                    if (expr.Text == "-" && result.Expression.Type == NodeType.Number)
                    {
                        result = new Node(NodeType.Number, -(double)result.Expression.Value!, result.Expression.Position);
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case NodeType.Function:
            case NodeType.Partial:
                result = new Node(expr.Type, expr.Value, expr.Position)
                {
                    Arguments = expr.Arguments!.ConvertAll(Process),
                    Procedure = Process(expr.Procedure!),
                };
                foreach (var arg in result.Arguments)
                {
                    PushAncestry(result, arg);
                }
                break;
            case NodeType.Lambda:
                result = new Node(NodeType.Lambda, expr.Value, expr.Position)
                {
                    Arguments = expr.Arguments,
                    Signature = expr.Signature,
                    Body = TailCallOptimize(Process(expr.Body!)),
                };
                break;
            case NodeType.Condition:
                result = new Node(NodeType.Condition, expr.Value, expr.Position)
                {
                    Condition = Process(expr.Condition!),
                    Then = Process(expr.Then!),
                    Else = expr.Else is null ? null : Process(expr.Else),
                };
                PushAncestry(result, result.Condition);
                PushAncestry(result, result.Then);
                if (result.Else != null)
                {
                    PushAncestry(result, result.Else);
                }

                break;
            case NodeType.Transform:
                result = new Node(NodeType.Transform, expr.Value, expr.Position)
                {
                    Pattern = Process(expr.Pattern!),
                    Update = Process(expr.Update!),
                    Delete = expr.Delete is null ? null : Process(expr.Delete),
                };
                break;
            case NodeType.Block:
                result = new Node(NodeType.Block, expr.Value, expr.Position) { Expressions = expr.Expressions!.ConvertAll(Process) };
                foreach (var e in result.Expressions)
                {
                    PushAncestry(result, e);
                }

                break;
            case NodeType.Name:
                result = new Node(NodeType.Path, null, expr.Position) { Steps = [expr] };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case NodeType.Parent:
                result = new Node(NodeType.Parent, "%", expr.Position) { Slot = new AncestorSlot("!" + _ancestorLabel++, 1, _ancestorIndex++) };
                _ancestry.Add(result);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
            case NodeType.Wildcard:
            case NodeType.Descendant:
            case NodeType.Variable:
            case NodeType.Regex:
            case NodeType.Placeholder:
                result = expr;
                break;
            case NodeType.Operator:
                expr.Type = NodeType.Name;
                result = Process(expr);
                break;
            default:
                throw Errors.UnknownExpressionType(expr.Value, expr.Position);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        Node result;
        Node step;
        switch (expr.Text)
        {
            case ".":
                var lstep = Process(expr.Lhs!);
                result = lstep.Type == NodeType.Path ? lstep : new Node(NodeType.Path, null, lstep.Position) { Steps = [lstep] };
                if (lstep.Type == NodeType.Parent)
                {
                    result.SeekingParent = [lstep.Slot!];
                }

                var rest = Process(expr.Rhs!);
                if (rest.Type == NodeType.Path)
                {
                    result.Steps!.AddRange(rest.Steps!);
                    if (rest.KeepSingletonArray)
                    {
                        result.KeepSingletonArray = true;
                    }
                }
                else
                {
                    if (rest.Predicate != null)
                    {
                        rest.Stages = rest.Predicate;
                        rest.Predicate = null;
                    }

                    result.Steps!.Add(rest);
                }

                foreach (var s in result.Steps!)
                {
                    if (s.Type is NodeType.Number or NodeType.Value)
                    {
                        throw Errors.LiteralStep(s.Value, s.Position);
                    }

                    if (s.Type == NodeType.String)
                    {
                        s.Type = NodeType.Name;
                    }
                }

                if (result.Steps.Exists(s => s.KeepArray))
                {
                    result.KeepSingletonArray = true;
                }

                var first = result.Steps[0];
                if (first.Type == NodeType.Unary && first.Text == "[")
                {
                    first.ConsArray = true;
                }

                var last = result.Steps[^1];
                if (last.Type == NodeType.Unary && last.Text == "[")
                {
                    last.ConsArray = true;
                }

                ResolveAncestry(result);

                break;
            case "[":
                result = Process(expr.Lhs!);
                step = result;
                var isStages = false;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                    isStages = true;
                }

                if (step.Group != null)
                {
                    throw Errors.PredicateAfterGroup(expr.Position);
                }

                var predicate = Process(expr.Rhs!);
                if (predicate.SeekingParent != null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                        {
                            SeekParent(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }

                    PushAncestry(step, predicate);
                }

                var stage = new Stage(StageKind.Filter, predicate, null, expr.Position);
                if (isStages)
                {
                    (step.Stages ??= []).Add(stage);
                }
                else
                {
                    (step.Predicate ??= []).Add(stage);
                }

                break;
            case "{":
                result = Process(expr.Lhs!);
                if (result.Group != null)
                {
                    throw Errors.SecondGroup(expr.Position);
                }

                result.Group = new GroupSpec(expr.Pairs!.ConvertAll(p => (Process(p.Key), Process(p.Value))), expr.Position);
                break;
            case "^":
                result = Process(expr.Lhs!);
                if (result.Type != NodeType.Path)
                {
                    result = new Node(NodeType.Path, null, result.Position) { Steps = [result] };
                }

                var sortStep = new Node(NodeType.Sort, "^", expr.Position);
                sortStep.Terms = expr.Terms!.ConvertAll(t =>
                {
                    var term = Process(t.Expression);
                    PushAncestry(sortStep, term);
                    return new SortTerm(t.Descending, term);
                });
                result.Steps!.Add(sortStep);
                ResolveAncestry(result);
                break;
            case ":=":
                result = new Node(NodeType.Bind, ":=", expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Rhs);
                break;
            case "@":
                result = Process(expr.Lhs!);
                step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                }

                if (step.Stages != null || step.Predicate != null)
                {
                    throw Errors.ContextBindingAfterPredicate(expr.Position);
                }

                if (step.Type == NodeType.Sort)
                {
                    throw Errors.ContextBindingAfterOrderBy(expr.Position);
                }

                if (expr.KeepArray)
                {
                    step.KeepArray = true;
                }

                step.Focus = expr.Rhs!.Text;
                step.Tuple = true;
                break;
            case "#":
                result = Process(expr.Lhs!);
                step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                }
                else
                {
                    result = new Node(NodeType.Path, null, result.Position) { Steps = [result] };
                    if (step.Predicate != null)
                    {
                        step.Stages = step.Predicate;
                        step.Predicate = null;
                    }
                }

                if (step.Stages == null)
                {
                    step.IndexVariable = expr.Rhs!.Text;
                }
                else
                {
                    step.Stages.Add(new Stage(StageKind.Index, null, expr.Rhs!.Text, expr.Position));
                }

                step.Tuple = true;
                break;
            case "~>":
                result = new Node(NodeType.Apply, "~>", expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                result.KeepArray = result.Rhs.KeepArray;
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
            default:
                result = new Node(NodeType.Binary, expr.Value, expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
        }

        return result;
    }

    private AncestorSlot SeekParent(Node node, AncestorSlot slot)
    {
        switch (node.Type)
        {
            case NodeType.Name:
            case NodeType.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor == null)
                    {
                        node.Ancestor = slot;
                    }
                    else
                    {
                        // reuse the existing label
                        _ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                        node.Ancestor = slot;
                    }

                    node.Tuple = true;
                }

                break;
            case NodeType.Parent:
                slot.Level++;
                break;
            case NodeType.Block:
                if (node.Expressions!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Expressions[^1], slot);
                }

                break;
            case NodeType.Path:
                node.Tuple = true;
                var index = node.Steps!.Count - 1;
                slot = SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.Steps[index--], slot);
                }

                break;
            default:
                throw Errors.ParentNotDerivable(node.Position, node.Type.ToString().ToLowerInvariant());
        }

        return slot;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent == null && value.Type != NodeType.Parent)
        {
            return;
        }

        var slots = value.SeekingParent ?? [];
        if (value.Type == NodeType.Parent)
        {
            slots.Add(value.Slot!);
        }

        if (result.SeekingParent == null)
        {
            result.SeekingParent = slots;
        }
        else
        {
            result.SeekingParent.AddRange(slots);
        }
    }

    private void ResolveAncestry(Node path)
    {
        var steps = path.Steps!;
        var lastStep = steps[^1];
        var slots = lastStep.SeekingParent ?? [];
        if (lastStep.Type == NodeType.Parent)
        {
            slots.Add(lastStep.Slot!);
        }

        foreach (var s in slots)
        {
            var slot = s;
            var index = steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = steps[index--];
                while (index >= 0 && step.Focus != null && steps[index].Focus != null)
                {
                    step = steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }

    private static Node TailCallOptimize(Node expr)
    {
        if (expr.Type == NodeType.Function && expr.Predicate == null)
        {
            return new Node(NodeType.Lambda, null, expr.Position) { Thunk = true, Arguments = [], Body = expr };
        }

        if (expr.Type == NodeType.Condition)
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else != null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Type == NodeType.Block && expr.Expressions!.Count > 0)
        {
            expr.Expressions[^1] = TailCallOptimize(expr.Expressions[^1]);
        }

        return expr;
    }
}
