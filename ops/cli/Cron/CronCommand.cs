using System.CommandLine;
using Actors.Cli.Commands;
using Actors.Cli.Tasks;

namespace Actors.Cli.Cron;

/// <summary>
/// <c>actors cron create</c>, seed 004's <c>create-cron-job</c>: a cron job is a task with a cron
/// schedule. Its name is the task's account (one active job per name) and its display name, its
/// payload the task's kwargs. List and manage cron jobs with <c>actors tasks</c>.
/// </summary>
public static class CronCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var cron = new Command("cron", "Cron jobs (tasks with a cron schedule; list and manage them with 'actors tasks')");
        cron.Subcommands.Add(CreateCommand(globals));
        return cron;
    }

    private static Command CreateCommand(GlobalOptions globals)
    {
        var name = new Option<string>("--name") { Description = "The job's name: its account_id and display name", Required = true };
        var expression = new Option<string>("--cron", "--cron-expression") { Description = "Cron expression (5 or 6 fields), e.g. '0 2 * * *'", HelpName = "EXPR", Required = true };
        var taskType = new Option<string?>("--task-type") { Description = "Domain label (task_type), e.g. backup", HelpName = "TYPE" };
        var payload = new Option<string?>("--payload") { Description = "JSON object given to the executor (kwargs)", HelpName = "JSON" };
        var execution = new ExecutionOptions();
        var command = new Command("create", "Create a cron job") { name, expression, taskType, payload };
        execution.AddTo(command);
        globals.SetAction(command, (session, parse, cancellationToken) =>
        {
            var values = execution.Read(parse, new TaskRequestValues
            {
                AccountId = parse.GetValue(name),
                Name = parse.GetValue(name),
                Cron = parse.GetValue(expression),
                TaskType = parse.GetValue(taskType),
                Kwargs = parse.GetValue(payload),
                KwargsOption = "--payload",
            });
            return TasksCommand.SendCreateAsync(session, CreateTaskBody.Build(null, values), cancellationToken);
        });
        return command;
    }
}
