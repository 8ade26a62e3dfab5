using System.CommandLine;
using System.Text.Json.Nodes;
using Actors.Cli.Api;
using Actors.Cli.Commands;
using Actors.Cli.Runs;

namespace Actors.Cli.Tasks;

/// <summary><c>actors tasks ...</c>: create, list, get, pause, resume, run, reorder, runs, delete.</summary>
public static class TasksCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var tasks = new Command("tasks", "Create, list and manage tasks");
        tasks.Subcommands.Add(CreateCommand(globals));
        tasks.Subcommands.Add(ListCommand(globals));
        tasks.Subcommands.Add(OneTaskCommand(globals, "get", "Show one task", (client, id, ct) => client.GetAsync(TaskPath(id), ct), TaskViews.Detail));
        tasks.Subcommands.Add(OneTaskCommand(globals, "pause", "Pause a task: no run is scheduled until resume",
            (client, id, ct) => client.PostAsync(TaskPath(id, "pause"), null, ct), TaskViews.Changed));
        tasks.Subcommands.Add(OneTaskCommand(globals, "resume", "Resume a paused (or failed) task from the first slot at or after now",
            (client, id, ct) => client.PostAsync(TaskPath(id, "resume"), null, ct), TaskViews.Changed));
        tasks.Subcommands.Add(OneTaskCommand(globals, "run", "Start a run now, outside the schedule",
            (client, id, ct) => client.PostAsync(TaskPath(id, "run"), null, ct), TaskViews.Changed));
        tasks.Subcommands.Add(ReorderCommand(globals));
        tasks.Subcommands.Add(TaskRunsCommand(globals));
        tasks.Subcommands.Add(OneTaskCommand(globals, "delete", "Delete a task (its schedule goes too, and its account is freed)",
            (client, id, ct) => client.DeleteAsync(TaskPath(id), ct), TaskViews.Deleted));
        return tasks;
    }

    /// <summary>Sends a create request and shows the new task; shared by <c>tasks create</c> and <c>cron create</c>.</summary>
    public static async Task<int> SendCreateAsync(CliSession session, JsonNode body, CancellationToken cancellationToken) =>
        session.Show(await session.Client.PostAsync("api/v1/tasks/", body, cancellationToken), TaskViews.Created);

    // The path of one task, or of one of its commands.
    private static string TaskPath(string taskId, string? command = null) =>
        $"api/v1/tasks/{Uri.EscapeDataString(taskId)}" + (command is null ? "" : "/" + command);

    private static Argument<string> TaskId() => new("id") { Description = "The task id" };

    private static Command CreateCommand(GlobalOptions globals)
    {
        var command = new Command("create", "Create a task from options and/or a request file (--file request.json)");
        var options = new CreateTaskOptions();
        options.AddTo(command);
        globals.SetAction(command, (session, parse, cancellationToken) =>
        {
            var file = options.File(parse) is { } path ? CreateTaskBody.ReadFile(path, Console.In) : null;
            return SendCreateAsync(session, CreateTaskBody.Build(file, options.Read(parse)), cancellationToken);
        });
        return command;
    }

    private static Command ListCommand(GlobalOptions globals)
    {
        var account = new Option<string?>("--account") { Description = "Only this account's tasks", HelpName = "ID" };
        var status = new Option<string?>("--status") { Description = "Only tasks in this status: pending, running, paused, completed or error" };
        var limit = new Option<int?>("--limit") { Description = "At most N tasks (server default 100)", HelpName = "N" };
        var offset = new Option<int?>("--offset") { Description = "Skip the first N", HelpName = "N" };
        var command = new Command("list", "List tasks") { account, status, limit, offset };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var query = QueryString.From(("account_id", parse.GetValue(account)), ("status", parse.GetValue(status)), ("limit", parse.GetValue(limit)), ("offset", parse.GetValue(offset)));
            return session.Show(await session.Client.GetAsync("api/v1/tasks/" + query, cancellationToken), TaskViews.List);
        });
        return command;
    }

    // A command on one task: `actors tasks NAME ID`.
    private static Command OneTaskCommand(
        GlobalOptions globals, string name, string description,
        Func<ActorsClient, string, CancellationToken, Task<ApiResponse>> send, Action<JsonNode, TextWriter> view)
    {
        var id = TaskId();
        var command = new Command(name, description) { id };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
            session.Show(await send(session.Client, parse.GetValue(id)!, cancellationToken), view));
        return command;
    }

    private static Command ReorderCommand(GlobalOptions globals)
    {
        var id = TaskId();
        var offset = new Option<long>("--offset")
        {
            Description = "Move the next run by SECONDS: negative runs it earlier, positive later",
            HelpName = "SECONDS",
            Required = true,
        };
        var command = new Command("reorder", "Move a task's next run earlier or later") { id, offset };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var body = new JsonObject { ["priority_offset"] = parse.GetValue(offset) };
            return session.Show(await session.Client.PostAsync(TaskPath(parse.GetValue(id)!, "reorder"), body, cancellationToken), TaskViews.Changed);
        });
        return command;
    }

    private static Command TaskRunsCommand(GlobalOptions globals)
    {
        var id = TaskId();
        var limit = new Option<int?>("--limit") { Description = "At most N runs (server default 100)", HelpName = "N" };
        var command = new Command("runs", "A task's run history, newest first") { id, limit };
        globals.SetAction(command, async (session, parse, cancellationToken) =>
            session.Show(await session.Client.GetAsync(TaskPath(parse.GetValue(id)!, "runs") + QueryString.From(("limit", parse.GetValue(limit))), cancellationToken), RunViews.List));
        return command;
    }
}
