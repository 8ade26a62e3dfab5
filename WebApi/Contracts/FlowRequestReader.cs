using System.Globalization;
using System.Text.Json;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>
/// Maps <c>POST /flows/execute</c> (seed 003) to a <see cref="FlowExecuteRequest"/>: the schedule fields
/// through <see cref="TaskRequestReader"/> (every task schedule works), <c>cycle_interval</c>, and
/// <c>flow_json</c>'s nodes and edges as sent, with a shape error for each value of the wrong JSON kind.
/// Whether the flow is valid is the grains' business.
/// </summary>
public sealed class FlowRequestReader(JsonElement body, string defaultTimeZone)
{
    private static readonly string[] ScheduleFields = ["cycle_interval", "schedule_mode", "interval", "cron", "at", "run_at"];
    private static readonly HashSet<string> ScheduleShapeFields =
        ["schedule_mode", "interval", "cron", "at", "run_at", "valid_time_range", "time_slot", "time_zone", "start_time", "run_immediately", "task_end_time", "misfire_grace_seconds", "overlap"];

    /// <summary>The fields <see cref="Read"/> knows; <see cref="FlowExecuteBody"/> describes them.</summary>
    internal static readonly HashSet<string> Known = ["flow_id", "cycle_interval", "flow_json", .. ScheduleShapeFields];

    /// <summary>The fields <see cref="ReadNode"/> knows; <see cref="NodeExecuteBody"/> describes them.</summary>
    internal static readonly HashSet<string> KnownNodeFields = ["flow_id", "node_id", "node_type", "trigger", "config", "cycle"];

    private readonly List<FieldError> _errors = [];

    /// <summary>Reads the request.</summary>
    public FlowExecuteRequest Read()
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new FlowExecuteRequest { ShapeErrors = [new FieldError("body", "The request body must be a JSON object.")] };
        }

        var task = new TaskRequestReader(body, defaultTimeZone).Read();
        var schedule = new CreateTaskRequest
        {
            ScheduleMode = task.ScheduleMode, Interval = task.Interval, Cron = task.Cron, At = task.At, RunAt = task.RunAt,
            ValidTimeRange = task.ValidTimeRange, TimeSlot = task.TimeSlot, TimeZone = task.TimeZone, DefaultTimeZone = task.DefaultTimeZone,
            StartTime = task.StartTime, RunImmediately = task.RunImmediately, TaskEndTime = task.TaskEndTime,
            MisfireGraceSeconds = task.MisfireGraceSeconds, Overlap = task.Overlap,
        };
        _errors.AddRange(task.ShapeErrors.Where(e => ScheduleShapeFields.Contains(e.Field)));
        var flowJson = FlowJsonElement();
        var request = new FlowExecuteRequest
        {
            FlowId = String(body, "flow_id", "flow_id"),
            CycleInterval = Interval(),
            Schedule = schedule,
            HasSchedule = ScheduleFields.Any(f => body.TryGetProperty(f, out var v) && v.ValueKind != JsonValueKind.Null),
            Nodes = flowJson is { } f ? Nodes(f) : null,
            Edges = flowJson is { } g ? Edges(g) : [],
            FlowJson = flowJson?.GetRawText() ?? "{}",
        };
        return request with { ShapeErrors = [.. _errors] };
    }

    /// <summary>Reads one node of the seed's <c>POST /nodes/execute</c> body (<c>node_id</c>, <c>node_type</c>, <c>config</c>).</summary>
    public (string? FlowId, FlowNodeRequest Node, long? Cycle, IReadOnlyList<FieldError> Errors) ReadNode()
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, new FlowNodeRequest(), null, [new FieldError("body", "The request body must be a JSON object.")]);
        }

        long? cycle = null;
        if (body.TryGetProperty("cycle", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            cycle = c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var n) ? n : (long?)Error<long?>("cycle", $"cycle must be a whole number; got {c.GetRawText()}.");
        }

        var node = new FlowNodeRequest
        {
            Id = String(body, "node_id", "node_id"),
            Type = String(body, "node_type", "node_type"),
            Trigger = String(body, "trigger", "trigger"),
            ConfigJson = Config(body, "config"),
        };
        return (String(body, "flow_id", "flow_id"), node, cycle, _errors);
    }

    private JsonElement? FlowJsonElement()
    {
        if (!body.TryGetProperty("flow_json", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                value = JsonDocument.Parse(value.GetString()!).RootElement;
            }
            catch (JsonException ex)
            {
                _errors.Add(new("flow_json", $"flow_json is a string that is not JSON: {ex.Message}"));
                return null;
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new("flow_json", "flow_json must be an object: {\"nodes\": [...], \"edges\": [...]}."));
            return null;
        }

        return value;
    }

    private FlowNodeRequest[]? Nodes(JsonElement flowJson)
    {
        if (!flowJson.TryGetProperty("nodes", out var nodes) || nodes.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (nodes.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new("flow_json.nodes", "flow_json.nodes must be an array of nodes."));
            return [];
        }

        var list = new List<FlowNodeRequest>();
        var index = 0;
        foreach (var node in nodes.EnumerateArray())
        {
            var prefix = $"flow_json.nodes[{index}]";
            if (node.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new(prefix, $"Node {index} must be an object with id, type and config."));
            }
            else
            {
                list.Add(new FlowNodeRequest
                {
                    Index = index,
                    Empty = !node.EnumerateObject().Any(),
                    Id = String(node, "id", $"{prefix}.id"),
                    Type = String(node, "type", $"{prefix}.type"),
                    Trigger = String(node, "trigger", $"{prefix}.trigger"),
                    ConfigJson = Config(node, $"{prefix}.config"),
                });
            }

            index++;
        }

        return [.. list];
    }

    private FlowEdgeRequest[] Edges(JsonElement flowJson)
    {
        if (!flowJson.TryGetProperty("edges", out var edges) || edges.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (edges.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new("flow_json.edges", "flow_json.edges must be an array of {source, source_handle, target, target_handle}."));
            return [];
        }

        var list = new List<FlowEdgeRequest>();
        var index = 0;
        foreach (var edge in edges.EnumerateArray())
        {
            var prefix = $"flow_json.edges[{index}]";
            if (edge.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new(prefix, $"Edge {index} must be an object: {{\"source\", \"source_handle\", \"target\", \"target_handle\"}}."));
            }
            else
            {
                list.Add(new FlowEdgeRequest
                {
                    Index = index,
                    Source = String(edge, "source", $"{prefix}.source"),
                    SourceHandle = String(edge, "source_handle", $"{prefix}.source_handle"),
                    Target = String(edge, "target", $"{prefix}.target"),
                    TargetHandle = String(edge, "target_handle", $"{prefix}.target_handle"),
                });
            }

            index++;
        }

        return [.. list];
    }

    private string? Interval()
    {
        if (!body.TryGetProperty("cycle_interval", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetInt32(out var seconds) => seconds.ToString(CultureInfo.InvariantCulture),
            _ => Error("cycle_interval", $"cycle_interval must be a duration such as \"1m\" or whole seconds; got {value.GetRawText()}."),
        };
    }

    private string Config(JsonElement owner, string field)
    {
        if (!owner.TryGetProperty("config", out var config) || config.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            Error(field, $"config must be an object; got {config.GetRawText()}.");
            return "{}";
        }

        return config.GetRawText();
    }

    private string? String(JsonElement owner, string name, string field)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : Error(field, $"{name} must be a string; got {value.GetRawText()}.");
    }

    private string? Error(string field, string message) => Error<string?>(field, message);

    private T Error<T>(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return default!;
    }
}
