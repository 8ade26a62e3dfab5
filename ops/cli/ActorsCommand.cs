using System.CommandLine;
using System.CommandLine.Invocation;
using Actors.Cli.Agent;
using Actors.Cli.Commands;
using Actors.Cli.Cron;
using Actors.Cli.Flows;
using Actors.Cli.Runs;
using Actors.Cli.Serve;
using Actors.Cli.Status;
using Actors.Cli.Tasks;

namespace Actors.Cli;

/// <summary>The <c>actors</c> command tree, and running it.</summary>
public static class ActorsCommand
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "actors: the command line of Actors, a distributed task scheduler. It talks to the REST API "
            + $"(--server, or {GlobalOptions.ServerVariable}, default {GlobalOptions.DefaultServer}; --api-key, or {GlobalOptions.ApiKeyVariable}). "
            + ExitCodes.Help);
        var globals = new GlobalOptions();
        globals.AddTo(root);
        root.Subcommands.Add(TasksCommand.Create(globals));
        root.Subcommands.Add(CronCommand.Create(globals));
        root.Subcommands.Add(RunsCommand.Create(globals));
        root.Subcommands.Add(FlowsCommand.Create(globals));
        root.Subcommands.Add(StatusCommand.Create(globals));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AgentCommand.Create(globals));
        root.Subcommands.Add(AgentsCommand.Create(globals));
        root.Subcommands.Add(DispatchCommand.Create(globals));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync("error: " + problem.Message);
            }

            await error.WriteLineAsync($"See '{CommandPath(parse)} --help'.");
            return ExitCodes.Usage;
        }

        // No termination timeout: Ctrl-C ends a request at once, and `serve` handles the signals itself
        // (it must wait for ops/run to stop everything, which takes longer than any fixed timeout).
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        var result = parse.CommandResult;
        while (result.Parent is System.CommandLine.Parsing.CommandResult parent)
        {
            names.Insert(0, result.Command.Name);
            result = parent;
        }

        return string.Join(' ', names.Prepend("actors"));
    }
}
