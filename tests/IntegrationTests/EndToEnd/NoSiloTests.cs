using System.Net;
using Actors.IntegrationTests.Api;
using Actors.IntegrationTests.Support;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>The Web API with no silo behind it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NoSiloTests(PostgresServer postgres)
{
    [Fact]
    public async Task WithNoSiloTheApiAnswers503QuicklyInsteadOfHanging()
    {
        var database = await postgres.CreateDatabaseAsync();
        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var port = FreePort.Next();
        await using var api = ServiceProcess.Start("webapi-alone", RepoPaths.WebApiDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = database,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };

        var health = await Poll.UntilAsync(() => http.GetAsync(new Uri("/health", UriKind.Relative)), _ => true,
            TimeSpan.FromSeconds(60), "the Web API to listen", () => api.Tail);
        var task = await http.GetAsync(new Uri($"/api/v1/tasks/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var problem = await task.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("cannot be reached", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("5", task.Headers.RetryAfter?.ToString());
    }
}
