using System.Collections.Immutable;
using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner.Generator;

/// <summary>What the front matter of one Markdown feature says about the others: its title, needs, order and run.</summary>
internal sealed class FeatureNode(string path, string title, ImmutableArray<string> needs, string order, string run) : IEquatable<FeatureNode>
{
    public string Path { get; } = path;

    public string Title { get; } = title;

    public ImmutableArray<string> Needs { get; } = needs;

    public string Order { get; } = order;

    public string Run { get; } = run;

    public static FeatureNode Of(FeatureInput input)
    {
        var parsed = ParsedFeature.Parse(input.Text, input.Path, "en").Feature;
        return parsed is null
            ? new FeatureNode(input.Path, "", ImmutableArray<string>.Empty, "", "")
            : new FeatureNode(input.Path, parsed.Feature.Name, parsed.FrontMatter.Needs.ToImmutableArray(), parsed.FrontMatter.Order, parsed.FrontMatter.Run);
    }

    public bool Equals(FeatureNode? other) =>
        other is not null && Path == other.Path && Title == other.Title && Needs.SequenceEqual(other.Needs) && Order == other.Order && Run == other.Run;

    public override bool Equals(object? obj) => Equals(obj as FeatureNode);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);
}

/// <summary>
/// The BDD-Markdown features' dependencies (front matter <c>needs</c>, <c>order</c>, <c>run</c>), as the dialect's
/// runner treats them: a feature that needs others or is needed, or says <c>order: first|last</c>, runs in the
/// ordered group, one feature after another, dependencies first (topologically; <c>first</c> before, <c>last</c>
/// after the rest where the dependencies allow; a title names the nearest feature, see <see cref="NeedResolution"/>); <c>run: never</c> skips a feature and every feature that needs it;
/// <c>run: only</c> skips every Markdown feature but those and what they need.
/// </summary>
internal sealed class FeatureGraph : IEquatable<FeatureGraph>
{
    private readonly ImmutableArray<FeatureNode> _nodes;
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FeatureNode>> _needs = new(StringComparer.Ordinal);

    public FeatureGraph(ImmutableArray<FeatureNode> nodes)
    {
        _nodes = nodes.Where(node => node.Title.Length > 0).OrderBy(node => node.Path, StringComparer.Ordinal).ToImmutableArray();
        var byTitle = _nodes.ToLookup(node => node.Title, StringComparer.Ordinal);
        foreach (var node in _nodes)
        {
            var needs = new List<FeatureNode>();
            foreach (var title in node.Needs)
            {
                switch (NeedResolution.Resolve(node, byTitle[title].ToList()))
                {
                    case { Feature: { } needed }:
                        needs.Add(needed);
                        break;
                    case { Ambiguous: { Count: > 0 } tied }:
                        _problems[node.Path] = $"needs '{title}', which is ambiguous: {string.Join(" and ", tied.Select(same => same.Path))} have that title and are equally near (rename one, or move the right one nearer)";
                        break;
                    default:
                        _problems[node.Path] = $"needs '{title}', but no .feature.md has that title (# {title})";
                        break;
                }
            }

            _needs[node.Path] = needs;
        }

        Rank();
        Skip();
    }

    /// <summary>The position of the feature in the ordered group, or null when it runs in parallel with the rest.</summary>
    public int? RankOf(string path) => _ranks.TryGetValue(path, out var rank) ? rank : null;

    public string? SkipReasonOf(string path) => _skips.TryGetValue(path, out var reason) ? reason : null;

    /// <summary>The features the feature's <c>needs</c> titles name, in front matter order.</summary>
    public IReadOnlyList<FeatureNode> NeedsOf(string path) => _needs.TryGetValue(path, out var needs) ? needs : Array.Empty<FeatureNode>();

    public string? ProblemOf(string path) => _problems.TryGetValue(path, out var problem) ? problem : null;

    public bool Equals(FeatureGraph? other) => other is not null && _nodes.SequenceEqual(other._nodes);

    public override bool Equals(object? obj) => Equals(obj as FeatureGraph);

    public override int GetHashCode() => _nodes.Length;

    private void Rank()
    {
        var needed = new HashSet<string>(_needs.Values.SelectMany(needs => needs).Select(node => node.Path), StringComparer.Ordinal);
        var group = _nodes.Where(node => node.Needs.Length > 0 || node.Order.Length > 0 || needed.Contains(node.Path)).ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (group.Count > 0)
        {
            // Of the features whose needs have run: first ones, then the rest, then last ones, by path.
            var ready = group
                .Where(node => _needs[node.Path].All(need => done.Contains(need.Path)))
                .OrderBy(node => node.Order == "first" ? 0 : node.Order == "last" ? 2 : 1)
                .ThenBy(node => node.Path, StringComparer.Ordinal)
                .FirstOrDefault();
            if (ready is null)
            {
                foreach (var node in group)
                {
                    _problems[node.Path] = $"needs form a cycle: {string.Join(" → ", group.Select(cyclic => cyclic.Title))}";
                }

                return;
            }

            _ranks[ready.Path] = _ranks.Count;
            done.Add(ready.Path);
            group.Remove(ready);
        }
    }

    private void Skip()
    {
        var only = _nodes.Where(node => node.Run == "only").ToList();
        if (only.Count > 0)
        {
            var keep = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<FeatureNode>(only);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (keep.Add(node.Path))
                {
                    foreach (var need in _needs[node.Path])
                    {
                        pending.Push(need);
                    }
                }
            }

            foreach (var node in _nodes.Where(node => !keep.Contains(node.Path)))
            {
                _skips[node.Path] = $"run: only is set on {string.Join(", ", only.Select(o => $"'{o.Title}'"))}";
            }
        }

        foreach (var node in _nodes.Where(node => node.Run == "never"))
        {
            _skips[node.Path] = "run: never";
        }

        // Everything that needs a skipped feature is skipped too, transitively.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in _nodes.Where(node => !_skips.ContainsKey(node.Path)))
            {
                var skippedNeed = _needs[node.Path].FirstOrDefault(need => _skips.ContainsKey(need.Path));
                if (skippedNeed is not null)
                {
                    _skips[node.Path] = $"needs '{skippedNeed.Title}', which does not run";
                    changed = true;
                }
            }
        }
    }
}
