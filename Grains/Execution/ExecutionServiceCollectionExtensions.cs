using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Grains.Execution;

/// <summary>Registers the executor plugins and what runs them.</summary>
public static class ExecutionServiceCollectionExtensions
{
    /// <summary>Adds every built-in executor, the registry and the attempt runner.</summary>
    public static IServiceCollection AddActorsExecutors(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IExecutor, LogExecutor>();
        services.AddSingleton<IExecutor, HttpExecutor>();
        services.AddSingleton<IExecutor, Agents.AgentExecutor>();
        services.AddSingleton<IExecutor, Flows.FlowExecutor>();
        services.AddHttpClient(HttpExecutor.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = 256,
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers(); // a log scope and two log lines per webhook call cost more than the call; outcomes are in the run history

        services.TryAddSingleton<ExecutorRegistry>();
        services.TryAddSingleton<AttemptRunner>();
        return services;
    }
}
