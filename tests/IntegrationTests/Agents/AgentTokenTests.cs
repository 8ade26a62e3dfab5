using System.Net.WebSockets;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Agents;

/// <summary>Agent tokens: a Web API with tokens configured lets in only agents that send one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentTokenTests(AgentClusterFixture fixture) : IClassFixture<AgentClusterFixture>
{
    [Fact]
    public async Task WithTokensConfiguredOnlyAnAgentSendingOneMayConnect()
    {
        var port = FreePort.Next();
        await using var api = ServiceProcess.Start("webapi-tokens", RepoPaths.WebApiDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = fixture.Postgres.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Actors__Api__AgentTokens__0"] = "agent-secret",
        });
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = url };
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    return health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            healthy => healthy,
            TimeSpan.FromSeconds(60),
            "the second Web API to be healthy",
            () => api.Tail);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => FakeAgent.ConnectAsync(url));
        var wrong = await Assert.ThrowsAsync<WebSocketException>(() => FakeAgent.ConnectAsync(url, "guess"));
        await using var admitted = await FakeAgent.RegisterAsync(url, $"token-{Guid.NewGuid():N}"[..16], ["x"], token: "agent-secret");

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Contains("401", wrong.Message, StringComparison.Ordinal);
    }
}
