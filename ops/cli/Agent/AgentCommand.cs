using System.CommandLine;
using Actors.Cli.Commands;

namespace Actors.Cli.Agent;

/// <summary><c>actors agent</c>: the reference agent (<see cref="ReferenceAgent"/>), until Ctrl-C.</summary>
public static class AgentCommand
{
    /// <summary>The command.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var name = new Option<string>("--name") { Description = "This agent's unique name (letters, digits, '.', '_', '-'); default: the host name", HelpName = "NAME" };
        var labels = new Option<string?>("--labels") { Description = "What this agent has, comma-separated (e.g. linux,chrome)", HelpName = "A,B" };
        var taskTypes = new Option<string?>("--task-types") { Description = "Task types it runs, comma-separated (default: any)", HelpName = "T1,T2" };
        var maxConcurrent = new Option<int>("--max-concurrent") { Description = "Runs at once", HelpName = "N", DefaultValueFactory = _ => 1 };
        var token = new Option<string?>("--token") { Description = "Agent token, when the server wants one (env ACTORS_AGENT_TOKEN)", HelpName = "TOKEN" };
        var command = new Command("agent", "Runs the reference agent: connects to the server, takes runs of agent tasks matching its labels and task types, runs their commands, reports results; reconnects by itself. Ctrl-C stops it.")
        {
            name, labels, taskTypes, maxConcurrent, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new AgentOptions
            {
                Server = new Uri(parse.GetValue(globals.Server) ?? GlobalOptions.DefaultServer),
                Name = parse.GetValue(name) is { Length: > 0 } given ? given : Environment.MachineName,
                Labels = Split(parse.GetValue(labels)),
                TaskTypes = Split(parse.GetValue(taskTypes)),
                MaxConcurrent = parse.GetValue(maxConcurrent),
                Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("ACTORS_AGENT_TOKEN"),
            };
            using var agent = new ReferenceAgent(options, parse.InvocationConfiguration.Error);
            return await agent.RunAsync(cancellationToken);
        });
        return command;
    }

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
