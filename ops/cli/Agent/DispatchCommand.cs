using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;

namespace Actors.Cli.Agent;

/// <summary><c>actors dispatch</c>: a one-off run on an agent (<c>POST /api/v1/dispatch</c>).</summary>
public static class DispatchCommand
{
    /// <summary>The command.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var taskType = new Option<string?>("--task-type") { Description = "The task type an agent must accept", HelpName = "T" };
        var payload = new Option<string?>("--payload") { Description = "JSON object given to the command on standard input", HelpName = "JSON" };
        var labels = new Option<string?>("--labels") { Description = "Labels the agent must have, comma-separated", HelpName = "A,B" };
        var command = new Option<string?>("--command") { Description = "What the agent runs (one shell string)", HelpName = "CMD" };
        var priority = new Option<string?>("--priority") { Description = "high, normal or low", HelpName = "P" };
        var dispatch = new Command("dispatch", "Run a command once on an agent; prints the run id (read it with 'actors runs --task ID')")
        {
            taskType, payload, labels, command, priority,
        };
        globals.SetAction(dispatch, async (session, parse, cancellationToken) =>
        {
            var body = new JsonObject();
            if (parse.GetValue(payload) is { } json)
            {
                try
                {
                    body["payload"] = JsonNode.Parse(json);
                }
                catch (JsonException ex)
                {
                    throw new UsageException($"--payload is not JSON: {ex.Message}");
                }
            }

            body["task_type"] = parse.GetValue(taskType);
            body["command"] = parse.GetValue(command);
            body["priority"] = parse.GetValue(priority);
            if (parse.GetValue(labels) is { } list)
            {
                body["labels"] = new JsonArray([.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonValue.Create(l))]);
            }

            return session.Show(await session.Client.PostAsync("api/v1/dispatch", body, cancellationToken), (answer, output) =>
                output.WriteLine($"{answer["run_id"]} dispatched (task {answer["task_id"]})"));
        });
        return dispatch;
    }
}
