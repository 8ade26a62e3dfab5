using System.Text.Json;
using Actors.Grains.Execution;
using Actors.Grains.Storage;
using Actors.Grains.Tasks.Stored;
using Actors.Grains.Validation;

namespace Actors.Grains.Flows;

/// <summary>
/// Keeps a flow's trigger task in line with its schedule: created with the first schedule, kept
/// (and resumed) while the schedule stays the same, replaced when it changes, deleted when the
/// flow no longer has one. Changes <paramref name="state"/>; the flow stores it.
/// </summary>
internal sealed class FlowTriggerTask(IGrainFactory grains, ExecutorRegistry executors, FlowState state)
{
    /// <summary>Applies <paramref name="trigger"/> (null: no schedule); a problem when the task could not be created.</summary>
    public async Task<string?> ScheduleAsync(CreateTaskRequest? trigger)
    {
        TaskSpec? spec = null;
        if (trigger is not null && !new TaskSpecBuilder(executors).TryBuild(trigger, out spec, out _))
        {
            return "The schedule could not be built.";
        }

        var stored = spec?.ToStored();
        if (state.TriggerTaskId is { } existing && !SameSchedule(state.Trigger, stored))
        {
            await grains.GetTaskGrain(existing).DeleteAsync();
            state.TriggerTaskId = null;
        }

        state.Trigger = stored;
        if (trigger is null)
        {
            return null;
        }

        if (state.TriggerTaskId is { } kept)
        {
            await grains.GetTaskGrain(kept).ResumeAsync();
            return null;
        }

        var account = grains.GetAccountGrain(trigger.AccountId!);
        var result = await account.CreateTaskAsync(trigger);
        if (result.Outcome == CommandOutcome.Conflict && result.ConflictingTaskId is { } stale)
        {
            // A trigger task left from before (a flow deleted while its silo died): it is replaced.
            await grains.GetTaskGrain(stale).DeleteAsync();
            result = await account.CreateTaskAsync(trigger);
        }

        state.TriggerTaskId = result.Task?.TaskId;
        return result.Succeeded ? null : $"The flow's schedule could not be set up: {result.Message}";
    }

    private static bool SameSchedule(StoredSpec? before, StoredSpec? after) =>
        before is not null && after is not null
        && JsonSerializer.Serialize(before.Schedule, ActorsJson.Options) == JsonSerializer.Serialize(after.Schedule, ActorsJson.Options)
        && before.Execution.Overlap == after.Execution.Overlap;
}
