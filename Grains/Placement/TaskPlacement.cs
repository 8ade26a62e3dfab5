namespace Actors.Grains.Placement;

/// <summary>
/// Task grains live on the silo that rendezvous hashing picks among the active silos, so every
/// silo agrees where a task belongs, a new silo takes an even share, and a leaving silo's tasks
/// spread over the rest (see <see cref="TaskPlacementDirector"/> and <see cref="TaskRebalancer"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.TaskPlacement")]
public sealed class TaskPlacement : PlacementStrategy;
