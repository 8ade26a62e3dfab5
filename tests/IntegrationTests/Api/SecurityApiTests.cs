using System.Net;
using System.Text;

namespace Actors.IntegrationTests.Api;

/// <summary>API keys and the body limit need their own configuration, so their own factory.</summary>
public sealed class SecurityApiTests : IClassFixture<SecurityApiTests.KeyedFactory>
{
    private readonly HttpClient _http;

    public SecurityApiTests(KeyedFactory factory) => _http = factory.CreateClient();

    [Fact]
    public async Task WithKeysConfiguredTheApiNeedsOneButHealthAndDocsDoNot()
    {
        var without = await _http.GetAsync(new Uri("/api/v1/tasks/", UriKind.Relative));
        var wrong = await Send("/api/v1/tasks/", "X-Api-Key", "nope");
        var bearer = await Send("/api/v1/tasks/", "Authorization", "Bearer s3cret");
        var header = await Send("/api/v1/tasks/", "X-Api-Key", "s3cret");
        var dashboard = await _http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        var health = await _http.GetAsync(new Uri("/health", UriKind.Relative));
        var openApi = await _http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var problem = await without.JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    [Fact]
    public async Task ATenMegabyteBodyIsA413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks/")
        {
            Content = new StringContent("{\"xhs_account_id\": \"" + new string('x', 10 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "s3cret");

        var problem = await (await _http.SendAsync(request)).JsonAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.False(problem["success"]!.GetValue<bool>());
    }

    private async Task<HttpResponseMessage> Send(string path, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);
        return await _http.SendAsync(request);
    }

    /// <summary>A factory with API keys and a 64 KiB body limit (disposed through IAsyncLifetime).</summary>
#pragma warning disable CA1001
    public sealed class KeyedFactory : IAsyncLifetime
    {
        private readonly ApiFactory _inner = new() { ApiKeys = ["s3cret", "other"], MaxRequestBodyBytes = 64 * 1024 };

        /// <summary>A client of the keyed API.</summary>
        public HttpClient CreateClient() => _inner.CreateClient();

        /// <inheritdoc />
        public Task InitializeAsync() => _inner.InitializeAsync();

        /// <inheritdoc />
        public Task DisposeAsync() => ((IAsyncLifetime)_inner).DisposeAsync();
    }
#pragma warning restore CA1001
}
