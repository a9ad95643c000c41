using System.Text.RegularExpressions;

namespace Jsonata.Engine;

/// <summary>Top-down operator precedence (Pratt) parser producing the AST, then rewritten like jsonata-js's processAST.</summary>
internal sealed class Parser
{
    private static readonly HashSet<string> InfixSymbols =
    [
        ".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in", "~>",
        "(", "[", "^", "{", ":=", "@", "#", "?", "?:", "??",
    ];

    private static readonly HashSet<string> KnownOperators =
    [
        ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">",
        "^", "**", "..", ":=", "!=", "<=", ">=", "~>", "?:", "??", "and", "or", "in", "&",
    ];

    private readonly Lexer _lexer;
    private readonly string _source;
    private Token _node = new(TokenType.End, null, 0);

    private Parser(string source)
    {
        _source = source;
        _lexer = new Lexer(source);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(null, false);
        var expr = parser.Expression(0);
        if (parser._node.Type != TokenType.End)
        {
            throw Errors.SyntaxError(Describe(parser._node), parser._node.Position, TokenText(parser._node));
        }

        return AstRewriter.Rewrite(expr);
    }

    private static string? TokenText(Token t) => t.Value switch
    {
        null => null,
        string s => s,
        double d => ValueConversion.FormatNumber(d),
        _ => t.Value.ToString(),
    };

    private static string Describe(Token t) => t.Type == TokenType.End ? "end of expression" : "\"" + TokenText(t) + "\"";

    private static int Lbp(Token t) =>
        t.Type == TokenType.Operator && InfixSymbols.Contains((string)t.Value!) ? Lexer.Operators[(string)t.Value!] : 0;

    private Token Advance(string? id, bool infix)
    {
        if (id != null && _node.Id != id)
        {
            throw _node.Type == TokenType.End
                ? Errors.ExpectedBeforeEnd(id, _node.Position, TokenText(_node))
                : Errors.Expected(id, Describe(_node), _node.Position, TokenText(_node));
        }

        var next = _lexer.Next(infix);
        if (next.Type == TokenType.Operator && !KnownOperators.Contains((string)next.Value!))
        {
            throw Errors.UnknownOperator((string)next.Value!, next.Position);
        }

        _node = next;
        return next;
    }

    private Node Expression(int rbp)
    {
        var t = _node;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < Lbp(_node))
        {
            t = _node;
            Advance(null, false);
            left = Led(t, left);
        }

        return left;
    }

    private Node Nud(Token t)
    {
        switch (t.Type)
        {
            case TokenType.Name:
                return new Node(NodeType.Name, t.Value, t.Position);
            case TokenType.Variable:
                return new Node(NodeType.Variable, t.Value, t.Position);
            case TokenType.String:
                return new Node(NodeType.String, t.Value, t.Position);
            case TokenType.Number:
                return new Node(NodeType.Number, t.Value, t.Position);
            case TokenType.Value:
                return new Node(NodeType.Value, t.Value, t.Position);
            case TokenType.Regex:
                return RegexNode(t);
            case TokenType.End:
                throw Errors.UnexpectedEnd(t.Position);
        }

        var op = (string)t.Value!;
        switch (op)
        {
            case "-":
                return new Node(NodeType.Unary, op, t.Position) { Expression = Expression(70) };
            case "*":
                return new Node(NodeType.Wildcard, op, t.Position);
            case "**":
                return new Node(NodeType.Descendant, op, t.Position);
            case "%":
                return new Node(NodeType.Parent, op, t.Position);
            case "(":
                return Block(t);
            case "[":
                return ArrayConstructor(t);
            case "{":
                return new Node(NodeType.Unary, "{", t.Position) { Pairs = ObjectPairs() };
            case "|":
                return Transform(t);
            case "and":
            case "or":
            case "in":
                return new Node(NodeType.Operator, op, t.Position);
            default:
                throw Errors.NotUnary(op, t.Position);
        }
    }

    private static Node RegexNode(Token t)
    {
        var literal = (RegexLiteral)t.Value!;
        var options = RegexOptions.CultureInvariant;
        if (literal.Flags.Contains('i'))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (literal.Flags.Contains('m'))
        {
            options |= RegexOptions.Multiline;
        }

        Regex regex;
        try
        {
            regex = new Regex(literal.Pattern, options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw Errors.InvalidRegex(e.Message, t.Position);
        }

        return new Node(NodeType.Regex, literal, t.Position) { CompiledRegex = regex };
    }

    private Node Block(Token t)
    {
        var expressions = new List<Node>();
        while (_node.Id != ")")
        {
            expressions.Add(Expression(0));
            if (_node.Id != ";")
            {
                break;
            }

            Advance(";", false);
        }

        Advance(")", true);
        return new Node(NodeType.Block, "(", t.Position) { Expressions = expressions };
    }

    private Node ArrayConstructor(Token t)
    {
        var items = new List<Node>();
        if (_node.Id != "]")
        {
            while (true)
            {
                var item = Expression(0);
                if (_node.Id == "..")
                {
                    var range = new Node(NodeType.Binary, "..", _node.Position) { Lhs = item };
                    Advance("..", false);
                    range.Rhs = Expression(0);
                    item = range;
                }

                items.Add(item);
                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("]", true);
        return new Node(NodeType.Unary, "[", t.Position) { Expressions = items };
    }

    private List<(Node, Node)> ObjectPairs()
    {
        var pairs = new List<(Node, Node)>();
        if (_node.Id != "}")
        {
            while (true)
            {
                var n = Expression(0);
                Advance(":", false);
                var v = Expression(0);
                pairs.Add((n, v));
                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("}", true);
        return pairs;
    }

    private Node Transform(Token t)
    {
        var node = new Node(NodeType.Transform, "|", t.Position) { Pattern = Expression(0) };
        Advance("|", false);
        node.Update = Expression(0);
        if (_node.Id == ",")
        {
            Advance(",", false);
            node.Delete = Expression(0);
        }

        Advance("|", false);
        return node;
    }

    private Node Led(Token t, Node left)
    {
        var op = t.Type == TokenType.Operator ? (string)t.Value! : t.Id;
        switch (op)
        {
            case "(":
                return FunctionCall(t, left);
            case "[":
                if (_node.Id == "]")
                {
                    var step = left;
                    while (step.Type == NodeType.Binary && step.Text == "[")
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]", false);
                    return left;
                }
                else
                {
                    var node = new Node(NodeType.Binary, "[", t.Position) { Lhs = left, Rhs = Expression(0) };
                    Advance("]", true);
                    return node;
                }

            case "^":
                return OrderBy(t, left);
            case "{":
                return new Node(NodeType.Binary, "{", t.Position) { Lhs = left, Pairs = ObjectPairs() };
            case ":=":
                if (left.Type != NodeType.Variable)
                {
                    throw Errors.AssignToNonVariable(left.Position, left.Value as string);
                }

                return new Node(NodeType.Binary, op, t.Position) { Lhs = left, Rhs = Expression(Lexer.Operators[":="] - 1) };
            case "@":
            case "#":
                var rhs = Expression(Lexer.Operators[op]);
                if (rhs.Type != NodeType.Variable)
                {
                    throw Errors.BindToNonVariable(op, rhs.Position);
                }

                return new Node(NodeType.Binary, op, t.Position) { Lhs = left, Rhs = rhs };
            case "?":
                var cond = new Node(NodeType.Condition, op, t.Position) { Condition = left, Then = Expression(0) };
                if (_node.Id == ":")
                {
                    Advance(":", false);
                    cond.Else = Expression(0);
                }

                return cond;
            case "?:":
                return new Node(NodeType.Condition, op, t.Position) { Condition = left, Then = left, Else = Expression(0) };
            case "??":
                var exists = new Node(NodeType.Function, "(", t.Position)
                {
                    Procedure = new Node(NodeType.Variable, "exists", t.Position),
                    Arguments = [left],
                };
                return new Node(NodeType.Condition, op, t.Position) { Condition = exists, Then = left, Else = Expression(0) };
            default:
                if (t.Type == TokenType.Operator && InfixSymbols.Contains(op))
                {
                    return new Node(NodeType.Binary, op, t.Position) { Lhs = left, Rhs = Expression(Lexer.Operators[op]) };
                }

                throw Errors.SyntaxError(Describe(t), t.Position, TokenText(t));
        }
    }

    private Node FunctionCall(Token t, Node left)
    {
        var node = new Node(NodeType.Function, "(", t.Position) { Procedure = left, Arguments = [] };
        if (_node.Id != ")")
        {
            while (true)
            {
                if (_node.Type == TokenType.Operator && (string)_node.Value! == "?")
                {
                    node.Type = NodeType.Partial;
                    node.Arguments.Add(new Node(NodeType.Placeholder, "?", _node.Position));
                    Advance("?", false);
                }
                else
                {
                    node.Arguments.Add(Expression(0));
                }

                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance(")", true);
        if (left.Type == NodeType.Name && left.Text is "function" or "\u03BB")
        {
            for (var i = 0; i < node.Arguments.Count; i++)
            {
                var arg = node.Arguments[i];
                if (arg.Type != NodeType.Variable)
                {
                    throw Errors.ParameterNotVariable(i, arg.Position, arg.Value as string);
                }
            }

            node.Type = NodeType.Lambda;
            if (_node.Id == "<")
            {
                var sigPos = _node.Position;
                var depth = 1;
                var sig = "<";
                while (depth > 0 && _node.Id != "{" && _node.Type != TokenType.End)
                {
                    var tok = Advance(null, false);
                    if (tok.Id == ">")
                    {
                        depth--;
                    }
                    else if (tok.Id == "<")
                    {
                        depth++;
                    }

                    sig += TokenText(tok);
                }

                Advance(">", false);
                node.Signature = Signature.Parse(sig, sigPos);
            }

            Advance("{", false);
            node.Body = Expression(0);
            Advance("}", false);
        }

        return node;
    }

    private Node OrderBy(Token t, Node left)
    {
        Advance("(", false);
        var terms = new List<SortTerm>();
        while (true)
        {
            var descending = false;
            if (_node.Id == "<")
            {
                Advance("<", false);
            }
            else if (_node.Id == ">")
            {
                descending = true;
                Advance(">", false);
            }

            terms.Add(new SortTerm(descending, Expression(0)));
            if (_node.Id != ",")
            {
                break;
            }

            Advance(",", false);
        }

        Advance(")", false);
        return new Node(NodeType.Binary, "^", t.Position) { Lhs = left, Terms = terms };
    }

    public override string ToString() => _source;
}
