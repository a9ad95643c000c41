using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata.Engine;

/// <summary>A function signature such as <c>&lt;s-nn?:s&gt;</c>: validates arguments, substitutes the context, wraps singletons into arrays.</summary>
internal sealed class Signature
{
    private readonly List<Param> _params;
    private readonly Regex _regex;

    private Signature(string definition, List<Param> parameters)
    {
        Definition = definition;
        _params = parameters;
        var sb = new StringBuilder("^");
        foreach (var p in parameters)
        {
            sb.Append('(').Append(p.Regex).Append(')');
        }

        sb.Append('$');
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }

    public string Definition { get; }

    /// <summary>How many parameters the signature declares (optional and context ones included; a variadic one counts once).</summary>
    public int ParameterCount => _params.Count;

    private sealed class Param
    {
        public string Regex { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public bool Context { get; set; }

        public Regex? ContextRegex { get; set; }

        public string? Subtype { get; set; }
    }

    public static Signature Parse(string signature, int position = 0)
    {
        var pos = 1;
        var parameters = new List<Param>();
        var param = new Param();
        var prev = param;
        void Next()
        {
            parameters.Add(param);
            prev = param;
            param = new Param();
        }

        while (pos < signature.Length)
        {
            var symbol = signature[pos];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's':
                case 'n':
                case 'b':
                case 'l':
                case 'o':
                    param.Regex = "[" + symbol + "m]";
                    param.Type = symbol.ToString();
                    Next();
                    break;
                case 'a':
                    param.Regex = "[asnblfom]";
                    param.Type = "a";
                    Next();
                    break;
                case 'f':
                    param.Regex = "f";
                    param.Type = "f";
                    Next();
                    break;
                case 'j':
                    param.Regex = "[asnblom]";
                    param.Type = "j";
                    Next();
                    break;
                case 'x':
                    param.Regex = "[asnblfom]";
                    param.Type = "x";
                    Next();
                    break;
                case '-':
                    prev.Context = true;
                    prev.ContextRegex = new Regex("^" + prev.Regex, RegexOptions.CultureInvariant);
                    prev.Regex += "?";
                    break;
                case '?':
                case '+':
                    prev.Regex += symbol;
                    break;
                case '(':
                    var endParen = FindClosing(signature, pos, '(', ')');
                    var choice = signature.Substring(pos + 1, endParen - pos - 1);
                    if (choice.Contains('<'))
                    {
                        throw Errors.ParameterizedChoice(position + pos);
                    }

                    param.Regex = "[" + choice + "m]";
                    param.Type = "(" + choice + ")";
                    pos = endParen;
                    Next();
                    break;
                case '<':
                    if (prev.Type is "a" or "f")
                    {
                        var endPos = FindClosing(signature, pos, '<', '>');
                        prev.Subtype = signature.Substring(pos + 1, endPos - pos - 1);
                        pos = endPos;
                    }
                    else
                    {
                        throw Errors.TypeParameterNotAllowed(position + pos);
                    }

                    break;
            }

            pos++;
        }

        return new Signature(signature, parameters);
    }

    private static int FindClosing(string s, int start, char open, char close)
    {
        var depth = 1;
        var pos = start;
        while (pos < s.Length)
        {
            pos++;
            if (pos >= s.Length)
            {
                break;
            }

            var c = s[pos];
            if (c == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (c == open)
            {
                depth++;
            }
        }

        return pos;
    }

    public static char Symbol(object? value) => value switch
    {
        null => 'm',
        JFunction => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JList => 'a',
        _ => 'o',
    };

    public object?[] Validate(object?[] args, object? context)
    {
        var supplied = new char[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            supplied[i] = Symbol(args[i]);
        }

        var suppliedSig = new string(supplied);
        var match = _regex.Match(suppliedSig);
        if (!match.Success)
        {
            ThrowValidationError(args, suppliedSig);
        }

        var validated = new List<object?>(_params.Count);
        var argIndex = 0;
        for (var index = 0; index < _params.Count; index++)
        {
            var param = _params[index];
            var arg = argIndex < args.Length ? args[argIndex] : null;
            var m = match.Groups[index + 1].Value;
            if (m.Length == 0)
            {
                if (param.Context && param.ContextRegex != null)
                {
                    var contextType = Symbol(context);
                    if (param.ContextRegex.IsMatch(contextType.ToString()))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw Errors.ContextMismatch(argIndex);
                    }
                }
                else
                {
                    validated.Add(arg);
                    argIndex++;
                }

                continue;
            }

            foreach (var single in m)
            {
                arg = argIndex < args.Length ? args[argIndex] : null;
                if (param.Type == "a")
                {
                    if (single == 'm')
                    {
                        arg = null;
                    }
                    else
                    {
                        var arrayOk = true;
                        if (param.Subtype != null)
                        {
                            if (single != 'a' && m != param.Subtype)
                            {
                                arrayOk = false;
                            }
                            else if (single == 'a' && arg is JList list && list.Count > 0)
                            {
                                var itemType = Symbol(list[0]);
                                if (itemType != param.Subtype[0])
                                {
                                    arrayOk = false;
                                }
                                else
                                {
                                    foreach (var item in list)
                                    {
                                        if (Symbol(item) != itemType)
                                        {
                                            arrayOk = false;
                                            break;
                                        }
                                    }
                                }
                            }
                        }

                        if (!arrayOk)
                        {
                            throw Errors.ArrayElementMismatch(argIndex, TypeName(param.Subtype));
                        }

                        if (single != 'a')
                        {
                            arg = new JList { arg };
                        }
                    }
                }

                validated.Add(arg);
                argIndex++;
            }
        }

        return [.. validated];
    }

    private static string TypeName(string? subtype) => subtype switch
    {
        "s" => "strings",
        "n" => "numbers",
        "b" => "booleans",
        "o" => "objects",
        "a" => "arrays",
        "f" => "functions",
        _ => "values",
    };

    private void ThrowValidationError(object?[] args, string suppliedSig)
    {
        var partial = "^";
        var goodTo = 0;
        foreach (var p in _params)
        {
            partial += p.Regex;
            var m = Regex.Match(suppliedSig, partial, RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                throw Errors.ArgumentMismatch(goodTo);
            }

            goodTo = m.Length;
        }

        _ = args;
        throw Errors.ArgumentMismatch(goodTo);
    }
}
