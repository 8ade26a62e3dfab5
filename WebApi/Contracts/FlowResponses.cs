namespace Actors.WebApi.Contracts;

/// <summary>The answer to <c>POST /api/v1/flows/execute</c> (200 replaced, 201 created).</summary>
/// <param name="Success">Always true (failures are problem details).</param>
/// <param name="FlowId">The flow.</param>
/// <param name="Created">True for a new flow, false for a replaced one.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="Components">Its components.</param>
/// <param name="NextCycleAt">When the next cycle is due.</param>
/// <param name="Message">What happened.</param>
public sealed record FlowExecuteResponse(bool Success, string FlowId, bool Created, int Nodes, int Components, string? NextCycleAt, string Message);

/// <summary>A page of flows.</summary>
/// <param name="Total">Matching flows.</param>
/// <param name="Offset">This page's offset.</param>
/// <param name="Limit">This page's limit.</param>
/// <param name="Flows">This page.</param>
public sealed record FlowListView(int Total, int Offset, int Limit, FlowSummaryView[] Flows);

/// <summary>A page of a flow's cycles, newest first.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Total">The cycles it keeps.</param>
/// <param name="Offset">This page's offset.</param>
/// <param name="Limit">This page's limit.</param>
/// <param name="Cycles">This page.</param>
public sealed record CycleListView(string FlowId, int Total, int Offset, int Limit, CycleView[] Cycles);

/// <summary>The answer to starting a cycle by hand.</summary>
/// <param name="Success">Always true.</param>
/// <param name="FlowId">The flow.</param>
/// <param name="Cycle">The cycle started.</param>
/// <param name="Message">What happened.</param>
public sealed record CycleStartedResponse(bool Success, string FlowId, long? Cycle, string Message);

/// <summary>The answer to <c>POST /api/v1/nodes/execute</c>.</summary>
/// <param name="Success">Always true.</param>
/// <param name="FlowId">The node's flow.</param>
/// <param name="Cycle">The one-node cycle.</param>
/// <param name="NodeId">The node.</param>
/// <param name="RunId">The node run's id.</param>
/// <param name="Message">What happened.</param>
public sealed record NodeExecuteResponse(bool Success, string FlowId, long? Cycle, string? NodeId, string RunId, string Message);

/// <summary>The answer to stopping a flow.</summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">What happened.</param>
/// <param name="Status">Always stopped.</param>
/// <param name="StoppedCycle">The running cycle that was stopped.</param>
public sealed record FlowStoppedResponse(bool Success, string Message, FlowStatus Status, long? StoppedCycle);

/// <summary>The answer to resuming a flow.</summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">What happened.</param>
/// <param name="Status">Always active.</param>
/// <param name="NextCycleAt">When the next cycle is due.</param>
public sealed record FlowResumedResponse(bool Success, string Message, FlowStatus Status, string? NextCycleAt);

/// <summary>The answer to stopping one component of a cycle.</summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">What happened.</param>
/// <param name="Cycle">The cycle.</param>
/// <param name="Component">The component.</param>
public sealed record ComponentStoppedResponse(bool Success, string Message, long Cycle, int Component);

/// <summary>The answer to stopping a node's latest run.</summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">What happened.</param>
/// <param name="NodeId">The node.</param>
/// <param name="FlowId">Its flow.</param>
/// <param name="Cycle">Its cycle.</param>
public sealed record NodeStoppedResponse(bool Success, string Message, string NodeId, string FlowId, long Cycle);
