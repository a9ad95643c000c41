using System.Globalization;
using System.Text;

namespace Jsonata.Engine;

internal enum TokenType
{
    End,
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
}

internal sealed record Token(TokenType Type, object? Value, int Position)
{
    /// <summary>The symbol id used by the parser: the operator text, or "(name)"/"(literal)"/"(regex)"/"(end)".</summary>
    public string Id => Type switch
    {
        TokenType.Operator => (string)Value!,
        TokenType.Name or TokenType.Variable => "(name)",
        TokenType.String or TokenType.Number or TokenType.Value => "(literal)",
        TokenType.Regex => "(regex)",
        _ => "(end)",
    };
}

/// <summary>Regex literal value carried by a token: pattern and flags.</summary>
internal sealed record RegexLiteral(string Pattern, string Flags);

/// <summary>The JSONata tokenizer (positions are the offset just after each token, as in jsonata-js).</summary>
internal sealed class Lexer(string source)
{
    public static readonly Dictionary<string, int> Operators = new(StringComparer.Ordinal)
    {
        ["."] = 75,
        ["["] = 80,
        ["]"] = 0,
        ["{"] = 70,
        ["}"] = 0,
        ["("] = 80,
        [")"] = 0,
        [","] = 0,
        ["@"] = 80,
        ["#"] = 80,
        [";"] = 80,
        [":"] = 80,
        ["?"] = 20,
        ["+"] = 50,
        ["-"] = 50,
        ["*"] = 60,
        ["/"] = 60,
        ["%"] = 60,
        ["|"] = 20,
        ["="] = 40,
        ["<"] = 40,
        [">"] = 40,
        ["^"] = 40,
        ["**"] = 60,
        [".."] = 20,
        [":="] = 10,
        ["!="] = 40,
        ["<="] = 40,
        [">="] = 40,
        ["~>"] = 40,
        ["?:"] = 40,
        ["??"] = 40,
        ["and"] = 30,
        ["or"] = 25,
        ["in"] = 40,
        ["&"] = 50,
        ["!"] = 0,
        ["~"] = 0,
    };

    private static readonly string[] DoubleOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"];

    private readonly string _src = source;
    private int _pos;

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private static bool IsSingleOperator(char c) => c is '.' or '[' or ']' or '{' or '}' or '(' or ')' or ',' or '@' or '#'
        or ';' or ':' or '?' or '+' or '-' or '*' or '/' or '%' or '|' or '=' or '<' or '>' or '^' or '&' or '!' or '~';

    /// <summary>Next token; <paramref name="infix"/> true means a '/' is division, otherwise it starts a regex.</summary>
    public Token Next(bool infix)
    {
        var len = _src.Length;
        while (true)
        {
            while (_pos < len && IsWhitespace(_src[_pos]))
            {
                _pos++;
            }

            if (_pos < len - 1 && _src[_pos] == '/' && _src[_pos + 1] == '*')
            {
                var start = _pos;
                _pos += 2;
                while (!(_pos < len - 1 && _src[_pos] == '*' && _src[_pos + 1] == '/'))
                {
                    _pos++;
                    if (_pos >= len)
                    {
                        throw Errors.UnterminatedComment(start);
                    }
                }

                _pos += 2;
                continue;
            }

            break;
        }

        if (_pos >= len)
        {
            return new Token(TokenType.End, null, len);
        }

        var c = _src[_pos];
        if (!infix && c == '/')
        {
            _pos++;
            return ScanRegex();
        }

        if (_pos + 1 < len)
        {
            var two = _src.Substring(_pos, 2);
            foreach (var op in DoubleOperators)
            {
                if (two == op)
                {
                    _pos += 2;
                    return new Token(TokenType.Operator, op, _pos);
                }
            }
        }

        if (IsSingleOperator(c))
        {
            _pos++;
            return new Token(TokenType.Operator, c.ToString(), _pos);
        }

        if (c is '"' or '\'')
        {
            return ScanString(c);
        }

        if (c is >= '0' and <= '9')
        {
            return ScanNumber();
        }

        if (c == '`')
        {
            _pos++;
            var end = _src.IndexOf('`', _pos);
            if (end != -1)
            {
                var quoted = _src[_pos..end];
                _pos = end + 1;
                return new Token(TokenType.Name, quoted, _pos);
            }

            _pos = len;
            throw Errors.UnterminatedQuotedName(_pos);
        }

        var i = _pos;
        while (i < len && !IsWhitespace(_src[i]) && !IsSingleOperator(_src[i]))
        {
            i++;
        }

        if (_src[_pos] == '$')
        {
            var variable = _src.Substring(_pos + 1, i - _pos - 1);
            _pos = i;
            return new Token(TokenType.Variable, variable, _pos);
        }

        var name = _src[_pos..i];
        _pos = i;
        return name switch
        {
            "or" or "in" or "and" => new Token(TokenType.Operator, name, _pos),
            "true" => new Token(TokenType.Value, Boxes.True, _pos),
            "false" => new Token(TokenType.Value, Boxes.False, _pos),
            "null" => new Token(TokenType.Value, JNull.Value, _pos),
            _ => new Token(TokenType.Name, name, _pos),
        };
    }

    private Token ScanString(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == '\\')
            {
                _pos++;
                if (_pos >= _src.Length)
                {
                    break;
                }

                c = _src[_pos];
                switch (c)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var hex = _pos + 5 <= _src.Length ? _src.Substring(_pos + 1, 4) : string.Empty;
                        if (hex.Length == 4 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            _pos += 4;
                        }
                        else
                        {
                            throw Errors.BadUnicodeEscape(_pos);
                        }

                        break;
                    default:
                        throw Errors.UnsupportedEscape(c, _pos);
                }
            }
            else if (c == quote)
            {
                _pos++;
                return new Token(TokenType.String, sb.ToString(), _pos);
            }
            else
            {
                sb.Append(c);
            }

            _pos++;
        }

        throw Errors.UnterminatedString(_pos);
    }

    private Token ScanNumber()
    {
        // -?(0|([1-9][0-9]*))(\.[0-9]+)?([Ee][-+]?[0-9]+)?
        var start = _pos;
        var i = _pos;
        var len = _src.Length;
        if (_src[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < len && char.IsAsciiDigit(_src[i]))
            {
                i++;
            }
        }

        if (i + 1 < len && _src[i] == '.' && char.IsAsciiDigit(_src[i + 1]))
        {
            i++;
            while (i < len && char.IsAsciiDigit(_src[i]))
            {
                i++;
            }
        }

        if (i < len && _src[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < len && _src[j] is '+' or '-')
            {
                j++;
            }

            if (j < len && char.IsAsciiDigit(_src[j]))
            {
                while (j < len && char.IsAsciiDigit(_src[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        var text = _src[start..i];
        var num = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(num) || double.IsNaN(num))
        {
            throw Errors.NumberLiteralOutOfRange(text, _pos);
        }

        _pos = i;
        return new Token(TokenType.Number, num, _pos);
    }

    private Token ScanRegex()
    {
        var start = _pos;
        var depth = 0;
        var len = _src.Length;
        while (_pos < len)
        {
            var c = _src[_pos];
            if (c == '/' && _src[_pos - 1] != '\\' && depth == 0)
            {
                var pattern = _src[start.._pos];
                if (pattern.Length == 0)
                {
                    throw Errors.EmptyRegex(_pos);
                }

                _pos++;
                var flagStart = _pos;
                while (_pos < len && _src[_pos] is 'i' or 'm')
                {
                    _pos++;
                }

                var flags = _src[flagStart.._pos];
                return new Token(TokenType.Regex, new RegexLiteral(pattern, flags), _pos);
            }

            if (c is '(' or '[' or '{' && _src[_pos - 1] != '\\')
            {
                depth++;
            }

            if (c is ')' or ']' or '}' && _src[_pos - 1] != '\\')
            {
                depth--;
            }

            _pos++;
        }

        throw Errors.UnterminatedRegex(_pos);
    }
}
