using System.CommandLine;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;
using Actors.Cli.Output;

namespace Actors.Cli.Agent;

/// <summary><c>actors agents list|drain|forget</c>.</summary>
public static class AgentsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var online = new Option<bool>("--online") { Description = "Only agents connected now" };
        var list = new Command("list", "Known agents: online, labels, task types, load") { online };
        globals.SetAction(list, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.GetAsync(parse.GetValue(online) ? "api/v1/agents?online=true" : "api/v1/agents", cancellationToken), Table));

        var drainName = new Argument<string>("name") { Description = "The agent" };
        var drain = new Command("drain", "Offer the agent no new runs; what it runs finishes") { drainName };
        globals.SetAction(drain, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.PostAsync($"api/v1/agents/{Uri.EscapeDataString(parse.GetValue(drainName)!)}/drain", null, cancellationToken), Message));

        var forgetName = new Argument<string>("name") { Description = "The agent (offline)" };
        var forget = new Command("forget", "Forget an offline agent") { forgetName };
        globals.SetAction(forget, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.DeleteAsync($"api/v1/agents/{Uri.EscapeDataString(parse.GetValue(forgetName)!)}", cancellationToken), Message));

        var shutdownName = new Argument<string>("name") { Description = "The agent (connected)" };
        var shutdown = new Command("shutdown", "Tell a connected agent to finish its runs and exit") { shutdownName };
        globals.SetAction(shutdown, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.PostAsync($"api/v1/agents/{Uri.EscapeDataString(parse.GetValue(shutdownName)!)}/shutdown", null, cancellationToken), Message));

        return new Command("agents", "Remote agents") { list, drain, shutdown, forget };
    }

    private static void Table(JsonNode body, TextWriter output)
    {
        var table = new TextTable("NAME", "STATE", "LABELS", "TASK TYPES", "LOAD", "WAITING", "LAST HEARTBEAT", "VERSION");
        foreach (var agent in body["agents"]?.AsArray() ?? [])
        {
            var state = agent!["online"]!.GetValue<bool>() ? (agent["draining"]!.GetValue<bool>() ? "draining" : "online") : "offline";
            var types = agent["task_types"]!.AsArray();
            table.AddRow(
                agent["name"]!.GetValue<string>(), state, Join(agent["labels"]!.AsArray()), types.Count == 0 ? "any" : Join(types),
                $"{agent["runs_in_flight"]!.AsArray().Count}/{agent["max_concurrent"]}", agent["runs_waiting"]?.ToString(),
                agent["last_heartbeat"]?.GetValue<string>(), agent["version"]?.GetValue<string>());
        }

        table.WriteTo(output);
        output.WriteLine($"{body["total"]} agents");
    }

    private static void Message(JsonNode body, TextWriter output) => output.WriteLine(body["message"]?.GetValue<string>());

    private static string Join(JsonArray items) => string.Join(',', items.Select(i => i!.GetValue<string>()));
}
