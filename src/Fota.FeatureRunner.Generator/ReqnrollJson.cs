using System.Globalization;
using System.Text;

namespace Fota.FeatureRunner.Generator;

/// <summary>
/// The two settings of <c>reqnroll.json</c> the generator needs: <c>language.feature</c> and
/// <c>generator.addNonParallelizableMarkerForTags</c>. A small JSON reader (the compiler offers no JSON
/// library to netstandard2.0 analyzers); a file that is not JSON counts as empty, Reqnroll reports it at run time.
/// </summary>
internal sealed class ReqnrollJson
{
    public static readonly ReqnrollJson Empty = new(null, Array.Empty<string>());

    private ReqnrollJson(string? featureLanguage, IReadOnlyList<string> nonParallelizableTags)
    {
        FeatureLanguage = featureLanguage;
        NonParallelizableTags = nonParallelizableTags;
    }

    public string? FeatureLanguage { get; }

    public IReadOnlyList<string> NonParallelizableTags { get; }

    public static ReqnrollJson Read(string json)
    {
        object? root;
        try
        {
            var reader = new Reader(json);
            root = reader.Value();
        }
        catch (FormatException)
        {
            return Empty;
        }

        var language = (Member(root, "language") is var languageSection ? Member(languageSection, "feature") : null) as string;
        var tags = new List<string>();
        if (Member(Member(root, "generator"), "addNonParallelizableMarkerForTags") is List<object?> list)
        {
            foreach (var item in list)
            {
                if (item is string tag && tag.Length > 0)
                {
                    tags.Add(tag);
                }
            }
        }

        return new ReqnrollJson(string.IsNullOrWhiteSpace(language) ? null : language, tags);
    }

    private static object? Member(object? node, string name)
    {
        if (node is Dictionary<string, object?> members)
        {
            foreach (var member in members)
            {
                if (string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return member.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Objects become dictionaries, arrays lists, strings strings; numbers, booleans and null are kept as text or null.</summary>
    private sealed class Reader(string text)
    {
        private int _at;

        public object? Value()
        {
            Skip();
            if (_at >= text.Length)
            {
                throw new FormatException("unexpected end");
            }

            switch (text[_at])
            {
                case '{':
                    return Object();
                case '[':
                    return Array();
                case '"':
                    return String();
                default:
                    var start = _at;
                    while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '-' or '+' or '.'))
                    {
                        _at++;
                    }

                    if (_at == start)
                    {
                        throw new FormatException("unexpected character");
                    }

                    var word = text.Substring(start, _at - start);
                    return word == "null" ? null : word;
            }
        }

        private Dictionary<string, object?> Object()
        {
            var members = new Dictionary<string, object?>(StringComparer.Ordinal);
            _at++;
            Skip();
            if (Peek() == '}')
            {
                _at++;
                return members;
            }

            while (true)
            {
                Skip();
                var name = String();
                Skip();
                Expect(':');
                members[name] = Value();
                Skip();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }

                Expect('}');
                return members;
            }
        }

        private List<object?> Array()
        {
            var items = new List<object?>();
            _at++;
            Skip();
            if (Peek() == ']')
            {
                _at++;
                return items;
            }

            while (true)
            {
                items.Add(Value());
                Skip();
                if (Peek() == ',')
                {
                    _at++;
                    continue;
                }

                Expect(']');
                return items;
            }
        }

        private string String()
        {
            Expect('"');
            var result = new StringBuilder();
            while (_at < text.Length && text[_at] != '"')
            {
                var c = text[_at++];
                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }

                if (_at >= text.Length)
                {
                    break;
                }

                var escaped = text[_at++];
                switch (escaped)
                {
                    case 'n':
                        result.Append('\n');
                        break;
                    case 't':
                        result.Append('\t');
                        break;
                    case 'r':
                        result.Append('\r');
                        break;
                    case 'b':
                        result.Append('\b');
                        break;
                    case 'f':
                        result.Append('\f');
                        break;
                    case 'u' when _at + 4 <= text.Length:
                        result.Append((char)int.Parse(text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _at += 4;
                        break;
                    default:
                        result.Append(escaped);
                        break;
                }
            }

            Expect('"');
            return result.ToString();
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException($"expected '{c}'");
            }

            _at++;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }
    }
}
