using System.CommandLine;
using System.Text.Json.Nodes;
using Actors.Cli.Api;
using Actors.Cli.Commands;

namespace Actors.Cli.Flows;

/// <summary><c>actors flows ...</c>: execute, list, status, cycles, cycle, run, stop, resume, stop-component, delete.</summary>
public static class FlowsCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var flows = new Command("flows", "Register, list, run and stop flows: graphs of nodes run together as numbered cycles");
        flows.Subcommands.Add(ExecuteCommand(globals));
        flows.Subcommands.Add(ListCommand(globals));
        flows.Subcommands.Add(OneFlowCommand(globals, "status", "Show a flow: schedule, components and its last cycles",
            (client, id, ct) => client.GetAsync(FlowPaths.Flow(id, "status"), ct), FlowViews.Status));
        flows.Subcommands.Add(CyclesCommand(globals));
        flows.Subcommands.Add(CycleCommand(globals));
        flows.Subcommands.Add(RunCommand(globals));
        flows.Subcommands.Add(OneFlowCommand(globals, "stop", "Stop a flow: no more cycles, and the running cycle's nodes are stopped",
            (client, id, ct) => client.PostAsync(FlowPaths.Flow(id, "stop"), null, ct), FlowViews.Changed));
        flows.Subcommands.Add(OneFlowCommand(globals, "resume", "Resume a stopped flow's schedule",
            (client, id, ct) => client.PostAsync(FlowPaths.Flow(id, "resume"), null, ct), FlowViews.Changed));
        flows.Subcommands.Add(StopComponentCommand(globals));
        flows.Subcommands.Add(OneFlowCommand(globals, "delete", "Delete a flow, its schedule and its cycles",
            (client, id, ct) => client.DeleteAsync(FlowPaths.Flow(id), ct), FlowViews.Changed));
        return flows;
    }

    private static Argument<string> FlowId() => new("id") { Description = "The flow id" };

    private static Argument<long> CycleNumber() => new("cycle") { Description = "The cycle number (cycles count up from 0)" };

    private static Option<int?> Offset() => new("--offset") { Description = "Skip the first N", HelpName = "N" };

    private static Option<int?> Limit(string what) => new("--limit") { Description = $"At most N {what} (server default 50)", HelpName = "N" };

    private static Command ExecuteCommand(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "The flow definition as JSON (flow_id, flow_json, a schedule or cycle_interval); - reads standard input" };
        var command = new Command("execute", "Register a flow, or replace the one with the same flow_id, from a JSON file") { file };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var body = FlowFile.Read(parse.GetValue(file)!, Console.In);
            return session.Show(await session.Client.PostAsync(FlowPaths.Execute, body, cancellationToken), FlowViews.Executed);
        });
        return command;
    }

    private static Command ListCommand(GlobalOptions globals)
    {
        var status = new Option<string?>("--status") { Description = "Only flows in this status", HelpName = "active|stopped" };
        status.AcceptOnlyFromAmong("active", "stopped");
        var text = new Option<string?>("--q") { Description = "Only flows whose id contains TEXT", HelpName = "TEXT" };
        var offset = Offset();
        var limit = Limit("flows");
        var command = new Command("list", "List flows, ordered by id") { status, text, offset, limit };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = QueryString.From(("status", parse.GetValue(status)), ("q", parse.GetValue(text)), ("offset", parse.GetValue(offset)), ("limit", parse.GetValue(limit)));
            return session.Show(await session.Client.GetAsync(FlowPaths.Flows + query, cancellationToken), FlowViews.List);
        });
        return command;
    }

    private static Command CyclesCommand(GlobalOptions globals)
    {
        var id = FlowId();
        var offset = Offset();
        var limit = Limit("cycles");
        var command = new Command("cycles", "A flow's cycles, newest first, with how many nodes ended how") { id, offset, limit };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = QueryString.From(("offset", parse.GetValue(offset)), ("limit", parse.GetValue(limit)));
            return session.Show(await session.Client.GetAsync(FlowPaths.Flow(parse.GetValue(id)!, "cycles") + query, cancellationToken), FlowViews.Cycles);
        });
        return command;
    }

    private static Command CycleCommand(GlobalOptions globals)
    {
        var id = FlowId();
        var cycle = CycleNumber();
        var command = new Command("cycle", "One cycle: its components and every node's state, attempts, times and error") { id, cycle };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.GetAsync(FlowPaths.Cycle(parse.GetValue(id)!, parse.GetValue(cycle)), cancellationToken), FlowViews.Cycle));
        return command;
    }

    private static Command RunCommand(GlobalOptions globals)
    {
        var id = FlowId();
        var cycle = new Option<long?>("--cycle") { Description = "Run this cycle number (default: the next one)", HelpName = "N" };
        var command = new Command("run", "Start a cycle now, outside the schedule") { id, cycle };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var body = parse.GetValue(cycle) is { } number ? new JsonObject { ["cycle"] = number } : null;
            return session.Show(await session.Client.PostAsync(FlowPaths.Flow(parse.GetValue(id)!, "cycles"), body, cancellationToken), FlowViews.Changed);
        });
        return command;
    }

    private static Command StopComponentCommand(GlobalOptions globals)
    {
        var id = FlowId();
        var cycle = CycleNumber();
        var component = new Argument<int>("component") { Description = "The component number (from 0, in the order of their first node in the definition)" };
        var command = new Command("stop-component", "Stop one component of a running cycle: its running and pending nodes are stopped") { id, cycle, component };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var path = FlowPaths.StopComponent(parse.GetValue(id)!, parse.GetValue(cycle), parse.GetValue(component));
            return session.Show(await session.Client.PostAsync(path, null, cancellationToken), FlowViews.Changed);
        });
        return command;
    }

    // A command on one flow: `actors flows NAME ID`.
    private static Command OneFlowCommand(
        GlobalOptions globals, string name, string description,
        Func<ActorsClient, string, CancellationToken, Task<ApiResponse>> send, Action<JsonNode, TextWriter> view)
    {
        var id = FlowId();
        var command = new Command(name, description) { id };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
            session.Show(await send(session.Client, parse.GetValue(id)!, cancellationToken), view));
        return command;
    }
}
