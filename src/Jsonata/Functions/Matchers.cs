using Jsonata.Engine;

namespace Jsonata.Functions;

internal static partial class Library
{
    private sealed record MatchInfo(string Value, int Index, JList Groups)
    {
        public JObject ToObject() => new() { ["match"] = Value, ["index"] = (double)Index, ["groups"] = Groups };
    }

    /// <summary>
    /// Successive matches of a regex literal or of a custom matcher function (one returning
    /// {match, start, end, groups, next}), with jsonata-js's rules for empty matches.
    /// </summary>
    private static IEnumerable<MatchInfo> Matches(CallContext ctx, JFunction matcher, string s, string function)
    {
        if (matcher is RegexMatcher re)
        {
            foreach (System.Text.RegularExpressions.Match m in re.Regex.Matches(s))
            {
                var groups = new JList();
                for (var i = 1; i < m.Groups.Count; i++)
                {
                    groups.Add(m.Groups[i].Success ? m.Groups[i].Value : string.Empty);
                }

                yield return new MatchInfo(m.Value, m.Index, groups);
                if (m.Index + m.Length >= s.Length)
                {
                    yield break;
                }

                if (m.Length == 0)
                {
                    throw Errors.ZeroLengthMatch(re.Position, re.Source);
                }
            }

            yield break;
        }

        var result = ctx.Call(matcher, s);
        while (result != null)
        {
            if (!Obj.IsObject(result)
                || !Obj.TryGet(result, "match", out var match) || match is not string matchText
                || !Obj.TryGet(result, "start", out var start) || start is not double startIndex
                || !Obj.TryGet(result, "groups", out var groupsValue) || groupsValue is not JList groupList)
            {
                throw Errors.BadMatcherResult(function);
            }

            yield return new MatchInfo(matchText, (int)startIndex, groupList);
            if (!Obj.TryGet(result, "next", out var next) || next is not JFunction nextFn)
            {
                yield break;
            }

            result = ctx.Call(nextFn);
        }
    }
}
