using System.CommandLine;

namespace Actors.Cli.Tasks;

/// <summary>The options of <c>tasks create</c>: a request file and/or the fields of a create request.</summary>
public sealed class CreateTaskOptions
{
    private readonly Option<string?> _file = new("--file", "-f") { Description = "A create request body (JSON) sent as written, '-' for stdin; the options below override its fields", HelpName = "PATH" };
    private readonly Option<string?> _account = new("--account") { Description = "account_id (one active task per account)", HelpName = "ID" };
    private readonly Option<string?> _accountName = new("--account-name") { Description = "account_name" };
    private readonly Option<string?> _name = new("--name") { Description = "Display name" };
    private readonly Option<string?> _taskType = new("--task-type") { Description = "Domain label (task_type), e.g. backup", HelpName = "TYPE" };
    private readonly Option<string?> _sysType = new("--sys-type") { Description = "Kind of machine it runs on (sys_type)", HelpName = "TYPE" };
    private readonly Option<int?> _interval = new("--interval") { Description = "Run every SECONDS", HelpName = "SECONDS" };
    private readonly Option<string?> _window = new("--window") { Description = "Daily window for an interval task, e.g. 08:00-22:30 (time_slot)", HelpName = "START-END" };
    private readonly Option<string?> _cron = new("--cron") { Description = "Cron expression (5 or 6 fields)", HelpName = "EXPR" };
    private readonly Option<string[]> _daily = new("--daily") { Description = "Run daily at HH:mm (repeatable, or comma-separated)", HelpName = "HH:mm" };
    private readonly Option<string?> _runAt = new("--run-at") { Description = "Run once at this ISO 8601 time", HelpName = "TIME" };
    private readonly Option<string?> _startTime = new("--start-time") { Description = "First run of an interval task (ISO 8601)", HelpName = "TIME" };
    private readonly Option<string?> _endTime = new("--end-time") { Description = "task_end_time: a date or an ISO 8601 time", HelpName = "TIME" };
    private readonly Option<bool> _runImmediately = new("--run-immediately") { Description = "Run once as soon as it is created" };
    private readonly Option<string?> _kwargs = new("--kwargs") { Description = "JSON object given to the executor", HelpName = "JSON" };
    private readonly ExecutionOptions _execution = new();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] all = [_file, _account, _accountName, _name, _taskType, _sysType, _interval, _window, _cron, _daily, _runAt, _startTime, _endTime, _runImmediately, _kwargs];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        _execution.AddTo(command);
    }

    /// <summary>The request file named by <c>--file</c>, if any.</summary>
    public string? File(ParseResult parse) => parse.GetValue(_file);

    /// <summary>What the options say.</summary>
    public TaskRequestValues Read(ParseResult parse) => _execution.Read(parse, new TaskRequestValues
    {
        AccountId = parse.GetValue(_account),
        AccountName = parse.GetValue(_accountName),
        Name = parse.GetValue(_name),
        TaskType = parse.GetValue(_taskType),
        SysType = parse.GetValue(_sysType),
        Interval = parse.GetValue(_interval),
        Window = parse.GetValue(_window),
        Cron = parse.GetValue(_cron),
        Daily = parse.GetValue(_daily) ?? [],
        RunAt = parse.GetValue(_runAt),
        StartTime = parse.GetValue(_startTime),
        EndTime = parse.GetValue(_endTime),
        RunImmediately = parse.GetValue(_runImmediately),
        Kwargs = parse.GetValue(_kwargs),
    });
}
