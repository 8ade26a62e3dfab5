using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Grains.Execution;
using Actors.Grains.Tasks.Stored;
using Actors.Grains.Validation;

namespace Actors.Grains.Flows;

/// <summary>
/// Turns <c>POST /flows/execute</c> into a <see cref="FlowDefinition"/> and the request of the task that
/// triggers its scheduled cycles, or into every problem at once: the id, the schedule (checked by the
/// task rules, so every task schedule works), empty or duplicate nodes, unknown node types, each
/// node's executor settings (checked by the executor, as for a task), edges naming unknown nodes,
/// and cycles in the graph.
/// </summary>
public sealed partial class FlowDefinitionBuilder(ExecutorRegistry executors)
{
    /// <summary>The executor that runs a flow's scheduled cycles (not a node type).</summary>
    public const string FlowExecutorName = "flow";

    /// <summary>The longest flow or node id.</summary>
    public const int MaxIdLength = 100;

    private readonly TaskSpecBuilder _specs = new(executors);

    /// <summary>The account of a flow's trigger task (one active task per account: one trigger per flow).</summary>
    public static string AccountOf(string flowId) => "flow." + flowId;

    /// <summary>Checks an id of a flow or node: letters, digits, <c>_</c>, <c>.</c>, <c>-</c>, at most 100.</summary>
    public static string? IdProblem(string what, string? id) => id switch
    {
        null or "" => $"{what} is required, e.g. \"example_flow\".",
        { Length: > MaxIdLength } => $"{what} is at most {MaxIdLength} characters; got {id.Length}.",
        _ when !IdPattern().IsMatch(id) => $"{what} may contain only letters, digits, '_', '.' and '-'; got \"{id}\".",
        _ => null,
    };

    /// <summary>Builds the definition and (when the flow has a schedule) its trigger task's request, or lists every problem.</summary>
    public bool TryBuild(FlowExecuteRequest request, [NotNullWhen(true)] out FlowDefinition? definition, out CreateTaskRequest? trigger, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>(request.ShapeErrors);
        if (IdProblem("flow_id", request.FlowId) is { } idProblem)
        {
            found.Add(new("flow_id", idProblem));
        }

        trigger = request.HasSchedule ? Trigger(request, found) : null;
        var nodes = Nodes(request, found);
        var edges = Edges(request, found);
        var ids = nodes.Select(n => n.Id).ToList();
        var pairs = edges.Select(e => (e.Source, e.Target)).ToList();
        if (FlowGraph.FindCycle(ids, pairs) is { } cycle)
        {
            found.Add(new("flow_json.edges", $"The graph has a cycle: {string.Join(" → ", cycle)}; a flow must be acyclic (remove one of these edges)."));
        }

        var components = FlowGraph.Components(ids, pairs);
        definition = found.Count > 0 ? null : new FlowDefinition
        {
            Nodes = [.. nodes.Select(n => n with { Component = components[n.Id] })],
            Edges = [.. edges],
            ComponentCount = components.Values.DefaultIfEmpty(-1).Max() + 1,
        };
        errors = found;
        return definition is not null;
    }

    /// <summary>Builds a single node (for <c>POST /nodes/execute</c>) with its problems under <paramref name="prefix"/>.</summary>
    public FlowNodeDef? Node(string flowId, FlowNodeRequest node, string prefix, List<FieldError> errors)
    {
        var before = errors.Count;
        if (IdProblem($"{prefix}.id", node.Id) is { } idProblem)
        {
            errors.Add(new($"{prefix}.id", idProblem));
        }

        var allDone = node.Trigger switch
        {
            null or "all_success" => false,
            "all_done" => true,
            var other => Add(errors, $"{prefix}.trigger", $"trigger must be all_success (the default) or all_done; got \"{other}\".", false),
        };
        var spec = NodeSpec(flowId, node, prefix, errors);
        return errors.Count > before || spec is null
            ? null
            : new FlowNodeDef { Id = node.Id!, Type = node.Type!, AllDone = allDone, ConfigJson = node.ConfigJson, Spec = spec.ToStored() };
    }

    private CreateTaskRequest Trigger(FlowExecuteRequest request, List<FieldError> errors)
    {
        var schedule = request.Schedule;
        var interval = schedule.Interval;
        if (request.CycleInterval is { } text)
        {
            if (schedule.ScheduleMode is { } mode && !mode.Equals("interval", StringComparison.OrdinalIgnoreCase) && !mode.Equals("intraday", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new("cycle_interval", $"cycle_interval sets an interval schedule; it cannot be combined with schedule_mode \"{mode}\" (leave one out)."));
            }

            interval = CycleInterval.Parse(text, out var problem);
            if (problem is not null)
            {
                errors.Add(new("cycle_interval", problem));
            }
        }

        var flowId = request.FlowId ?? "";
        var task = schedule with
        {
            AccountId = AccountOf(flowId),
            AccountName = AccountOf(flowId),
            Name = $"flow {flowId}",
            TaskType = "flow",
            Executor = FlowExecutorName,
            Interval = interval ?? (request.CycleInterval is null ? schedule.Interval : 60),
            KwargsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["flow_id"] = flowId }),
            TimeoutSeconds = 86_400,
            MaxRetries = 0,
            MaxConsecutiveFailures = 1000,
            Http = null,
            Agent = null,
        };
        if (errors.Any(e => e.Field is "flow_id" or "cycle_interval"))
        {
            return task;
        }

        if (!_specs.TryBuild(task, out _, out var problems))
        {
            var renamed = request.CycleInterval is null ? "interval" : "cycle_interval";
            errors.AddRange(problems.Select(p => p.Field == "interval" ? p with { Field = renamed, Message = p.Message.Replace("interval", renamed, StringComparison.Ordinal) } : p));
        }

        return task;
    }

    private List<FlowNodeDef> Nodes(FlowExecuteRequest request, List<FieldError> errors)
    {
        var nodes = new List<FlowNodeDef>();
        if (request.Nodes is null)
        {
            errors.Add(new("flow_json.nodes", "flow_json.nodes is required: a list of nodes such as {\"id\": \"fetch\", \"type\": \"http\", \"config\": {\"url\": \"https://...\"}}."));
            return nodes;
        }

        if (request.Nodes.Length == 0)
        {
            errors.Add(new("flow_json.nodes", "A flow needs at least one node."));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in request.Nodes)
        {
            var prefix = $"flow_json.nodes[{node.Index}]";
            if (node.Empty)
            {
                errors.Add(new(prefix, $"Node {node.Index} is an empty object; give it an id, a type and a config, or remove it."));
                continue;
            }

            if (node.Id is { } id && seen.TryGetValue(id, out var first))
            {
                errors.Add(new($"{prefix}.id", $"Duplicate node id \"{id}\" (also nodes[{first}]); node ids are unique in a flow."));
                continue;
            }

            if (node.Id is not null)
            {
                seen[node.Id] = node.Index;
            }

            if (Node(request.FlowId ?? "", node, prefix, errors) is { } built)
            {
                nodes.Add(built);
            }
        }

        return nodes;
    }

    private static List<FlowEdgeDef> Edges(FlowExecuteRequest request, List<FieldError> errors)
    {
        var known = (request.Nodes ?? []).Where(n => n.Id is not null).Select(n => n.Id!).ToHashSet(StringComparer.Ordinal);
        var list = string.Join(", ", known.Order(StringComparer.Ordinal));
        var edges = new List<FlowEdgeDef>();
        foreach (var edge in request.Edges)
        {
            var prefix = $"flow_json.edges[{edge.Index}]";
            var ok = End(edge.Source, "source") & End(edge.Target, "target");
            if (ok)
            {
                edges.Add(new FlowEdgeDef { Source = edge.Source!, SourceHandle = edge.SourceHandle, Target = edge.Target!, TargetHandle = edge.TargetHandle });
            }

            bool End(string? id, string field)
            {
                if (string.IsNullOrEmpty(id))
                {
                    errors.Add(new($"{prefix}.{field}", $"Edge {edge.Index} needs a {field} node id."));
                    return false;
                }

                if (!known.Contains(id))
                {
                    errors.Add(new($"{prefix}.{field}", $"Edge {edge.Index} names {field} node \"{id}\", which the flow does not have; its nodes are: {(list.Length == 0 ? "(none)" : list)}."));
                    return false;
                }

                return true;
            }
        }

        return edges;
    }

    /// <summary>The node's executor settings, checked by the task rules and the executor, with problems named after the config fields.</summary>
    private TaskSpec? NodeSpec(string flowId, FlowNodeRequest node, string prefix, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(node.Type))
        {
            errors.Add(new($"{prefix}.type", "type is required: log, http, or the task type an agent runs (e.g. \"binance_price_node\")."));
            return null;
        }

        if (node.Type.Equals(FlowExecutorName, StringComparison.OrdinalIgnoreCase) || node.Type.Any(char.IsWhiteSpace))
        {
            errors.Add(new($"{prefix}.type", $"No executor runs nodes of type \"{node.Type}\"; use log, http, or a task type (one word) that an agent accepts."));
            return null;
        }

        using var config = JsonDocument.Parse(node.ConfigJson);
        var reader = new ConfigReader(config.RootElement, $"{prefix}.config", errors);
        var executor = ExecutorOf(node.Type);
        var request = new CreateTaskRequest
        {
            AccountId = AccountOf(flowId),
            TaskType = node.Type,
            Executor = executor,
            KwargsJson = node.ConfigJson,
            Http = executor == "http" ? new HttpTargetRequest { Url = reader.String("url"), Method = reader.String("method"), Headers = reader.Strings("headers") } : null,
            Agent = executor == Agents.AgentExecutor.ExecutorName ? reader.Agent() : null,
            TimeoutSeconds = reader.Int("timeout_seconds"),
            MaxRetries = reader.Int("max_retries") ?? 0,
            RetryBackoffSeconds = reader.Number("retry_backoff_seconds"),
            QueueTimeoutSeconds = reader.Int("queue_timeout_seconds"),
        };
        if (!_specs.TryBuild(request, out var spec, out var problems))
        {
            errors.AddRange(problems.Select(p => p.Field is "agent.command" or "agent"
                ? new FieldError($"{prefix}.config.command", $"Nodes of type \"{node.Type}\" run on an agent that accepts that task type; give config.command, an array such as [\"python3\", \"node.py\"] or one shell string, or use type log or http.")
                : p with { Field = $"{prefix}.config.{ConfigName(p.Field)}" }));
        }

        return spec;
    }

    /// <summary>
    /// The executor of a node type: an executor plugin of that name (<c>log</c>, <c>http</c>, or one a
    /// deployment adds), else <c>agent</c>: an agent that accepts the type as its task type runs it.
    /// </summary>
    private string ExecutorOf(string type) =>
        executors.Find(type) is { } plugin && plugin.Name != Agents.AgentExecutor.ExecutorName ? plugin.Name : Agents.AgentExecutor.ExecutorName;

    private static string ConfigName(string field) => field switch
    {
        "http.url" => "url",
        "http.method" => "method",
        "http.headers" => "headers",
        "agent.command" or "agent" => "command",
        "agent.labels" => "labels",
        _ => field,
    };

    private static T Add<T>(List<FieldError> errors, string field, string message, T fallback)
    {
        errors.Add(new(field, message));
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
