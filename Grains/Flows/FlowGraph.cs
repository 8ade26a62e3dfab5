namespace Actors.Grains.Flows;

/// <summary>Graph rules of a flow, pure: cycles, weakly connected components, upstream nodes.</summary>
public static class FlowGraph
{
    /// <summary>
    /// A cycle of the graph as the node ids along it, first node repeated at the end
    /// (<c>a, b, a</c>); null when the graph is acyclic. Edges naming unknown nodes are ignored.
    /// </summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyList<string> nodes, IEnumerable<(string Source, string Target)> edges)
    {
        var next = Adjacency(nodes, edges);
        var color = nodes.ToDictionary(n => n, _ => 0, StringComparer.Ordinal); // 0 new, 1 on the path, 2 done
        var path = new List<string>();
        foreach (var start in nodes)
        {
            if (color[start] == 0 && Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            color[node] = 1;
            path.Add(node);
            foreach (var target in next[node])
            {
                if (color[target] == 1)
                {
                    return [.. path[path.IndexOf(target)..], target];
                }

                if (color[target] == 0 && Visit(target) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            color[node] = 2;
            return null;
        }
    }

    /// <summary>
    /// The component number of each node: weakly connected components numbered 0, 1, ... in the
    /// order of their first node in <paramref name="nodes"/>.
    /// </summary>
    public static Dictionary<string, int> Components(IReadOnlyList<string> nodes, IEnumerable<(string Source, string Target)> edges)
    {
        var parent = nodes.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        foreach (var (source, target) in edges.Where(e => parent.ContainsKey(e.Source) && parent.ContainsKey(e.Target)))
        {
            parent[Root(source)] = Root(target);
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var root = Root(node);
            if (!numbers.TryGetValue(root, out var number))
            {
                number = numbers[root] = numbers.Count;
            }

            result[node] = number;
        }

        return result;

        string Root(string node)
        {
            while (parent[node] != node)
            {
                parent[node] = parent[parent[node]];
                node = parent[node];
            }

            return node;
        }
    }

    /// <summary>The distinct upstream nodes of each node.</summary>
    public static Dictionary<string, string[]> Upstream(FlowDefinition definition) =>
        definition.Nodes.ToDictionary(
            n => n.Id,
            n => definition.Edges.Where(e => e.Target == n.Id).Select(e => e.Source).Distinct(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);

    private static Dictionary<string, List<string>> Adjacency(IReadOnlyList<string> nodes, IEnumerable<(string Source, string Target)> edges)
    {
        var next = nodes.Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (source, target) in edges.Where(e => next.ContainsKey(e.Source) && next.ContainsKey(e.Target)))
        {
            next[source].Add(target);
        }

        return next;
    }
}
