using System.Security.Cryptography;
using System.Text;
using Actors.Grains.Execution;
using Actors.Grains.History;
using Actors.Grains.Tasks;
using Orleans.Runtime;

namespace Actors.Grains.Flows;

/// <summary>What flow and cycle grains use from the silo.</summary>
public sealed class FlowServices(
    ExecutorRegistry executors,
    AttemptRunner runner,
    LocalAttempts localAttempts,
    IRunHistory history,
    ILocalSiloDetails silo,
    TimeProvider clock,
    Health.ActorsMetrics metrics)
{
    /// <summary>The silo's instruments.</summary>
    public Health.ActorsMetrics Metrics { get; } = metrics;

    /// <summary>The executors (for the definition builder and resumable checks).</summary>
    public ExecutorRegistry Executors { get; } = executors;

    /// <summary>Runs attempts with their timeout.</summary>
    public AttemptRunner Runner { get; } = runner;

    /// <summary>Attempts executing in this process.</summary>
    public LocalAttempts LocalAttempts { get; } = localAttempts;

    /// <summary>The run history (node runs are recorded there too).</summary>
    public IRunHistory History { get; } = history;

    /// <summary>This silo, as run records name it.</summary>
    public string Host { get; } = silo.SiloAddress.ToParsableString();

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The key a flow's node runs have in the run history (<c>task_id</c>): a name-based id of the flow.</summary>
    public static Guid RunKey(string flowId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("actors-flow:" + flowId))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    /// <summary>The run id of a node in a cycle.</summary>
    public static string RunId(string flowId, long cycle, string nodeId) => $"{flowId}:{cycle}:{nodeId}";

    /// <summary>The key of a cycle grain: the flow's incarnation keeps a deleted and re-created flow's cycles apart.</summary>
    public static string CycleKey(string flowId, Guid incarnation, long cycle) => $"cycle/{flowId}/{incarnation:N}/{cycle}";
}
