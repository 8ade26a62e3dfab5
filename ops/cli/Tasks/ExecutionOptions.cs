using System.CommandLine;

namespace Actors.Cli.Tasks;

/// <summary>How a task runs, for every command that creates one (<c>tasks create</c>, <c>cron create</c>).</summary>
public sealed class ExecutionOptions
{
    private readonly Option<string?> _executor = new("--executor") { Description = "Executor plugin: log or http (GET /api/v1/plugins lists them)", HelpName = "NAME" };
    private readonly Option<string?> _url = new("--url") { Description = "Webhook URL (http executor)" };
    private readonly Option<string?> _method = new("--method") { Description = "Webhook method (http executor)" };
    private readonly Option<string[]> _header = new("--header") { Description = "Webhook header 'Name: value' (repeatable)", HelpName = "HEADER" };
    private readonly Option<int?> _timeout = new("--timeout") { Description = "Seconds one attempt may take (timeout_seconds)", HelpName = "SECONDS" };
    private readonly Option<int?> _maxRetries = new("--max-retries") { Description = "Retries after a failed attempt", HelpName = "N" };
    private readonly Option<string?> _overlap = new("--overlap") { Description = "A slot due while a run is still going: skip or queue_one" };
    private readonly Option<string?> _priority = new("--priority") { Description = "high, normal or low" };
    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "IANA time zone of the schedule, e.g. Europe/Berlin", HelpName = "ZONE" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] all = [_executor, _url, _method, _header, _timeout, _maxRetries, _overlap, _priority, _timeZone];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary><paramref name="values"/> with what these options say.</summary>
    public TaskRequestValues Read(ParseResult parse, TaskRequestValues values) => values with
    {
        Executor = parse.GetValue(_executor),
        Url = parse.GetValue(_url),
        Method = parse.GetValue(_method),
        Headers = parse.GetValue(_header) ?? [],
        TimeoutSeconds = parse.GetValue(_timeout),
        MaxRetries = parse.GetValue(_maxRetries),
        Overlap = parse.GetValue(_overlap),
        Priority = parse.GetValue(_priority),
        TimeZone = parse.GetValue(_timeZone),
    };
}
