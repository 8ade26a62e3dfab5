namespace Actors.Grains.Tasks.Stored;

/// <summary>Maps the wire records to their stored forms and back.</summary>
public static class StoredMapping
{
    /// <summary>The stored form of a spec.</summary>
    public static StoredSpec ToStored(this TaskSpec spec) => new()
    {
        Name = spec.Name,
        AccountId = spec.AccountId,
        AccountName = spec.AccountName,
        TaskType = spec.TaskType,
        SysType = spec.SysType,
        Priority = spec.Priority,
        KwargsJson = spec.KwargsJson,
        Schedule = new StoredSchedule
        {
            Mode = spec.Schedule.Mode,
            IntervalSeconds = spec.Schedule.IntervalSeconds,
            Cron = spec.Schedule.Cron,
            DailyAt = spec.Schedule.DailyAt,
            RunAt = spec.Schedule.RunAt,
            Window = spec.Schedule.Window is { } w ? new StoredWindow { StartMinute = w.StartMinute, EndMinute = w.EndMinute } : null,
            TimeZone = spec.Schedule.TimeZone,
            StartTime = spec.Schedule.StartTime,
            RunImmediately = spec.Schedule.RunImmediately,
            TaskEndTime = spec.Schedule.TaskEndTime,
            MisfireGraceSeconds = spec.Schedule.MisfireGraceSeconds,
        },
        Execution = new StoredExecution
        {
            Executor = spec.Execution.Executor,
            Http = spec.Execution.Http is { } h ? new StoredHttpTarget { Url = h.Url, Method = h.Method, Headers = h.Headers } : null,
            TimeoutSeconds = spec.Execution.TimeoutSeconds,
            MaxRetries = spec.Execution.MaxRetries,
            RetryBackoffSeconds = spec.Execution.RetryBackoffSeconds,
            Overlap = spec.Execution.Overlap,
            MaxConsecutiveFailures = spec.Execution.MaxConsecutiveFailures,
            Agent = spec.Execution.Agent is { } a
                ? new StoredAgentTarget { Labels = a.Labels, Command = a.Command, Env = a.Env.Count > 0 ? a.Env : null, WorkingDir = a.WorkingDir.Length > 0 ? a.WorkingDir : null }
                : null,
            QueueTimeoutSeconds = spec.Execution.QueueTimeoutSeconds,
        },
    };

    /// <summary>The wire form of a stored spec.</summary>
    public static TaskSpec ToWire(this StoredSpec spec) => new()
    {
        Name = spec.Name,
        AccountId = spec.AccountId,
        AccountName = spec.AccountName,
        TaskType = spec.TaskType,
        SysType = spec.SysType,
        Priority = spec.Priority,
        KwargsJson = spec.KwargsJson,
        Schedule = new ScheduleSpec
        {
            Mode = spec.Schedule.Mode,
            IntervalSeconds = spec.Schedule.IntervalSeconds,
            Cron = spec.Schedule.Cron,
            DailyAt = spec.Schedule.DailyAt,
            RunAt = spec.Schedule.RunAt,
            Window = spec.Schedule.Window is { } w ? new DailyWindow(w.StartMinute, w.EndMinute) : null,
            TimeZone = spec.Schedule.TimeZone,
            StartTime = spec.Schedule.StartTime,
            RunImmediately = spec.Schedule.RunImmediately,
            TaskEndTime = spec.Schedule.TaskEndTime,
            MisfireGraceSeconds = spec.Schedule.MisfireGraceSeconds,
        },
        Execution = new ExecutionSpec
        {
            Executor = spec.Execution.Executor,
            Http = spec.Execution.Http is { } h
                ? new HttpTarget { Url = h.Url, Method = h.Method, Headers = new Dictionary<string, string>(h.Headers ?? [], StringComparer.OrdinalIgnoreCase) }
                : null,
            TimeoutSeconds = spec.Execution.TimeoutSeconds,
            MaxRetries = spec.Execution.MaxRetries,
            RetryBackoffSeconds = spec.Execution.RetryBackoffSeconds,
            Overlap = spec.Execution.Overlap,
            MaxConsecutiveFailures = spec.Execution.MaxConsecutiveFailures,
            Agent = spec.Execution.Agent is { } a
                ? new AgentTarget { Labels = a.Labels, Command = a.Command, Env = new Dictionary<string, string>(a.Env ?? [], StringComparer.Ordinal), WorkingDir = a.WorkingDir ?? "" }
                : null,
            QueueTimeoutSeconds = spec.Execution.QueueTimeoutSeconds > 0 ? spec.Execution.QueueTimeoutSeconds : new ExecutionSpec().QueueTimeoutSeconds,
        },
    };

    /// <summary>The stored form of a run record.</summary>
    public static StoredRun ToStored(this RunRecord run) => new()
    {
        RunId = run.RunId,
        Round = run.Round,
        Attempt = run.Attempt,
        ScheduledAt = run.ScheduledAt,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        Outcome = run.Outcome,
        Error = run.Error,
        Output = run.Output,
        Silo = run.Silo,
        Trigger = run.Trigger,
    };

    /// <summary>The wire form of a stored run record of task <paramref name="taskId"/>.</summary>
    public static RunRecord ToWire(this StoredRun run, Guid taskId) => new()
    {
        TaskId = taskId,
        RunId = run.RunId,
        Round = run.Round,
        Attempt = run.Attempt,
        ScheduledAt = run.ScheduledAt,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        Outcome = run.Outcome,
        Error = run.Error,
        Output = run.Output,
        Silo = run.Silo,
        Trigger = run.Trigger,
    };
}
