using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Actors.UnitTests.Cli;

/// <summary>
/// A stand-in for the Web API on a loopback port: every request gets the same answer, and each is
/// kept as <c>METHOD /path?query</c> with its body, so a test sees what a command sent.
/// </summary>
public sealed class RecordingServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _status;
    private readonly string _answer;
    private readonly Task _serving;

    /// <summary>Starts answering <paramref name="status"/> with <paramref name="answer"/> as JSON.</summary>
    public RecordingServer(int status, string answer)
    {
        _status = status;
        _answer = answer;
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>Where it listens, for <c>--server</c>.</summary>
    public string Url { get; }

    /// <summary>Every request so far, in order.</summary>
    public ConcurrentQueue<(string Request, string Body)> Requests { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue(($"{context.Request.HttpMethod} {context.Request.RawUrl}", await reader.ReadToEndAsync()));
            var bytes = Encoding.UTF8.GetBytes(_answer);
            context.Response.StatusCode = _status;
            context.Response.ContentType = _status < 400 ? "application/json" : "application/problem+json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
