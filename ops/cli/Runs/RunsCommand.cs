using System.CommandLine;
using Actors.Cli.Api;
using Actors.Cli.Commands;

namespace Actors.Cli.Runs;

/// <summary><c>actors runs</c>: finished runs across tasks (<c>GET /api/v1/runs</c>), newest first.</summary>
public static class RunsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var task = new Option<string?>("--task") { Description = "Only this task's runs", HelpName = "ID" };
        var account = new Option<string?>("--account") { Description = "Only this account's runs", HelpName = "ID" };
        var outcome = new Option<string?>("--outcome") { Description = "Only runs with this outcome: succeeded, failed, timed_out, skipped or abandoned", HelpName = "OUTCOME" };
        var since = new Option<string?>("--since") { Description = "Runs started at or after this ISO 8601 time", HelpName = "TIME" };
        var until = new Option<string?>("--until") { Description = "Runs started before this ISO 8601 time", HelpName = "TIME" };
        var limit = new Option<int?>("--limit") { Description = "At most N runs (server default 100)", HelpName = "N" };
        var command = new Command("runs", "Finished runs across tasks, newest first") { task, account, outcome, since, until, limit };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = QueryString.From(
                ("task_id", parse.GetValue(task)), ("account_id", parse.GetValue(account)), ("outcome", parse.GetValue(outcome)),
                ("since", parse.GetValue(since)), ("until", parse.GetValue(until)), ("limit", parse.GetValue(limit)));
            return session.Show(await session.Client.GetAsync("api/v1/runs" + query, cancellationToken), RunViews.List);
        });
        return command;
    }
}
