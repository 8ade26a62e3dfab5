using Actors.WebApi.Contracts;
using Actors.WebApi.Endpoints;

namespace Actors.IntegrationTests.Api;

/// <summary>The request records the OpenAPI document shows name exactly the fields the tolerant readers know.</summary>
public sealed class RequestBodyContractTests
{
    [Fact]
    public void TheCreateTaskBodyNamesEveryFieldTheTaskReaderKnows() =>
        Assert.Equal(Sorted(TaskRequestReader.Known), Fields<CreateTaskBody>());

    [Fact]
    public void TheFlowExecuteBodyNamesEveryFieldTheFlowReaderKnows() =>
        Assert.Equal(Sorted(FlowRequestReader.Known), Fields<FlowExecuteBody>());

    [Fact]
    public void TheNodeExecuteBodyNamesEveryFieldTheNodeReaderKnows() =>
        Assert.Equal(Sorted(FlowRequestReader.KnownNodeFields), Fields<NodeExecuteBody>());

    [Fact]
    public void TheDispatchBodyNamesEveryFieldTheDispatchEndpointReads() =>
        Assert.Equal(Sorted(AgentsEndpoints.DispatchFields), Fields<DispatchBody>());

    private static string[] Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    private static string[] Fields<T>() =>
        Sorted(WireJson.Options.GetTypeInfo(typeof(T)).Properties.Where(p => !p.IsExtensionData).Select(p => p.Name));
}
