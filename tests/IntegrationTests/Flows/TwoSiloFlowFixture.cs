namespace Actors.IntegrationTests.Flows;

/// <summary>Two silos, the Web API and a flow receiver: a silo can be killed while the other goes on.</summary>
public sealed class TwoSiloFlowFixture() : FlowClusterFixture(silos: 2);
