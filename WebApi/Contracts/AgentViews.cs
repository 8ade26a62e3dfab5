namespace Actors.WebApi.Contracts;

/// <summary>A known agent.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Online">Whether it is connected.</param>
/// <param name="Draining">Whether it is offered no new runs.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="TaskTypes">The task types it takes.</param>
/// <param name="MaxConcurrent">Runs it takes at once.</param>
/// <param name="RunsInFlight">Run ids it runs now.</param>
/// <param name="RunsWaiting">Runs waiting that it could take.</param>
/// <param name="LastHeartbeat">Its last heartbeat.</param>
/// <param name="ConnectedSince">When it connected.</param>
/// <param name="Version">Its version.</param>
public sealed record AgentView(
    string Name, bool Online, bool Draining, string[] Labels, string[] TaskTypes, int MaxConcurrent, string[] RunsInFlight, int RunsWaiting,
    string? LastHeartbeat, string? ConnectedSince, string Version);

/// <summary>Known agents.</summary>
/// <param name="Total">How many.</param>
/// <param name="Agents">The agents.</param>
public sealed record AgentListView(int Total, AgentView[] Agents);

/// <summary>The answer to <c>POST /api/v1/dispatch</c>.</summary>
/// <param name="Success">Always true.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="TaskId">The one-off task that holds the run.</param>
/// <param name="Message">What happened.</param>
public sealed record DispatchResponse(bool Success, string RunId, Guid TaskId, string Message);
