namespace Actors.IntegrationTests.Flows;

/// <summary>The flow test classes that share one <see cref="FlowClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FlowCollection : ICollectionFixture<FlowClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "flows";
}
