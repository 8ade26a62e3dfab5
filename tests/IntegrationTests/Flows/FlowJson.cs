using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Flows;

/// <summary>Builds flow definitions as the contract's JSON, so a test reads as its graph.</summary>
public static class FlowJson
{
    /// <summary>A flow id of the test's own: <paramref name="name"/> plus a random suffix.</summary>
    public static string NewId(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A <c>POST /api/v1/flows/execute</c> body; <paramref name="schedule"/> is merged in (null: cycles only by hand).</summary>
    public static JsonObject Flow(string flowId, JsonNode[] nodes, JsonNode[] edges, JsonObject? schedule = null)
    {
        var body = new JsonObject
        {
            ["flow_id"] = flowId,
            ["flow_json"] = new JsonObject { ["nodes"] = new JsonArray(nodes), ["edges"] = new JsonArray(edges) },
        };
        foreach (var (key, value) in schedule ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>A log node (its output is its config).</summary>
    public static JsonObject Log(string id, JsonObject? config = null, string? trigger = null) => Node(id, "log", config ?? [], trigger);

    /// <summary>An http node calling <paramref name="url"/> (POST, no retries unless <paramref name="maxRetries"/>).</summary>
    public static JsonObject Http(string id, string url, int maxRetries = 0, int timeoutSeconds = 60, string? trigger = null, JsonObject? headers = null) => Node(id, "http", new JsonObject
    {
        ["url"] = url,
        ["method"] = "POST",
        ["headers"] = headers ?? [],
        ["timeout_seconds"] = timeoutSeconds,
        ["max_retries"] = maxRetries,
        ["retry_backoff_seconds"] = 1,
    }, trigger);

    /// <summary>A node run by an agent that accepts <paramref name="type"/> as its task type.</summary>
    public static JsonObject Agent(string id, string type, string[] command, string[] labels, JsonObject? extra = null)
    {
        var config = new JsonObject
        {
            ["command"] = new JsonArray([.. command.Select(c => JsonValue.Create(c))]),
            ["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]),
            ["timeout_seconds"] = 60,
        };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value?.DeepClone();
        }

        return Node(id, type, config, trigger: null);
    }

    /// <summary>An edge, with handles when given.</summary>
    public static JsonObject Edge(string source, string target, string? sourceHandle = null, string? targetHandle = null)
    {
        var edge = new JsonObject { ["source"] = source, ["target"] = target };
        if (sourceHandle is not null)
        {
            edge["source_handle"] = sourceHandle;
        }

        if (targetHandle is not null)
        {
            edge["target_handle"] = targetHandle;
        }

        return edge;
    }

    private static JsonObject Node(string id, string type, JsonObject config, string? trigger)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["config"] = config };
        if (trigger is not null)
        {
            node["trigger"] = trigger;
        }

        return node;
    }
}
