using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;

namespace Actors.Cli.Api;

/// <summary>
/// The REST API as the command line uses it: one request, its status and body as sent. A server that
/// cannot be reached is a <see cref="ServerUnreachableException"/> with a one-line message.
/// </summary>
public sealed class ActorsClient : IDisposable
{
    /// <summary>How long one request may take before the server counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    /// <summary>A client of the server at <paramref name="server"/>, sending <paramref name="apiKey"/> when given.</summary>
    public ActorsClient(string server, string? apiKey)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--server must be an http:// or https:// URL such as http://127.0.0.1:8080; got '{server}'.");
        }

        // Paths are relative ("api/v1/tasks/"), so a server behind a path prefix keeps it.
        Server = root.AbsolutePath.EndsWith('/') ? root : new Uri(root + "/");
        _http = new HttpClient { BaseAddress = Server, Timeout = Timeout };
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>The server's base URL.</summary>
    public Uri Server { get; }

    /// <summary>GET <paramref name="path"/> (relative, with its query).</summary>
    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>POST <paramref name="path"/> with <paramref name="body"/> as JSON (or no body).</summary>
    public Task<ApiResponse> PostAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>DELETE <paramref name="path"/>.</summary>
    public Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return new ApiResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            var why = ex.InnerException is SocketException socket ? socket.Message : ex.Message;
            throw new ServerUnreachableException(
                $"cannot reach the Actors server at {Server}: {why}. Is it running? Start it with 'ops/actors serve', or point --server (ACTORS_URL) at it.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException(
                $"the Actors server at {Server} did not answer {method} {path} within {Timeout.TotalSeconds:0} s.", ex);
        }
    }
}
