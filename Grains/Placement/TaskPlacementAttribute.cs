using Orleans.Placement;

namespace Actors.Grains.Placement;

/// <summary>Places a grain class with <see cref="TaskPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskPlacementAttribute() : PlacementAttribute(new TaskPlacement());
