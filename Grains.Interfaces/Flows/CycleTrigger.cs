namespace Actors.Grains;

/// <summary>What started a cycle.</summary>
[GenerateSerializer, Alias("actors.cycle-trigger")]
public enum CycleTrigger
{
    /// <summary>Its slot of the flow's schedule came due.</summary>
    Scheduled = 0,

    /// <summary><c>POST /flows/{id}/cycles</c>.</summary>
    Manual = 1,

    /// <summary><c>POST /nodes/execute</c>: a one-node cycle.</summary>
    Node = 2,
}
