using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Agents;

/// <summary>
/// A hand-driven agent speaking the protocol over a real WebSocket, for facts the reference agent
/// cannot stage (stale results, exact orders). Once registered it sends a heartbeat every second,
/// as an agent must, until it is aborted or disposed.
/// </summary>
public sealed class FakeAgent : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonObject> _received = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();

    private FakeAgent()
    {
    }

    /// <summary>How the server closed the connection (null while open).</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Connects to <paramref name="api"/>'s agent endpoint.</summary>
    public static async Task<FakeAgent> ConnectAsync(Uri api, string? token = null)
    {
        var agent = new FakeAgent();
        if (token is not null)
        {
            agent._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        var endpoint = new UriBuilder(api) { Scheme = "ws", Path = "/api/v1/agents/connect" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await agent._socket.ConnectAsync(endpoint, timeout.Token);
        return agent;
    }

    /// <summary>Connects and registers; returns the agent once the server said <c>registered</c>.</summary>
    public static async Task<FakeAgent> RegisterAsync(Uri api, string name, string[] labels, int maxConcurrent = 1, JsonArray? running = null, string? token = null)
    {
        var agent = await ConnectAsync(api, token);
        await agent.SendAsync(new JsonObject
        {
            ["type"] = "register", ["name"] = name, ["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]),
            ["max_concurrent"] = maxConcurrent, ["running"] = running ?? [],
        });
        await agent.NextAsync("registered");
        _ = agent.HeartbeatAsync();
        return agent;
    }

    /// <summary>Sends a message.</summary>
    public Task SendAsync(JsonObject message) => SendRawAsync(message.ToJsonString());

    /// <summary>Sends raw text (a malformed message).</summary>
    public async Task SendRawAsync(string text)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next message of <paramref name="type"/> (others are skipped), within <paramref name="timeout"/> (10 s).</summary>
    public async Task<JsonObject> NextAsync(string type, TimeSpan? timeout = null, Func<JsonObject, bool>? where = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await ReceiveAsync(deadline.Token)
                ?? throw new InvalidOperationException($"The server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription}) while a '{type}' was awaited; received: {string.Join(", ", _received.Select(m => m["type"]))}");
            if (message["type"]?.GetValue<string>() == type && (where is null || where(message)))
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes the connection (within 10 s); returns the messages it sent first.</summary>
    public async Task<List<JsonObject>> UntilClosedAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var messages = new List<JsonObject>();
        while (await ReceiveAsync(deadline.Token) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Accepts an offer and waits for its ack.</summary>
    public async Task<JsonObject> AcceptAsync(JsonObject offer)
    {
        await SendAsync(Lease("accept", offer));
        return await NextAsync("ack", where: m => m["of"]?.GetValue<string>() == "accept" && m["run_id"]?.GetValue<string>() == offer["run_id"]!.GetValue<string>());
    }

    /// <summary>Reports a result of <paramref name="offer"/> and waits for its ack.</summary>
    public async Task<JsonObject> ResultAsync(JsonObject offer, int exitCode, string output = "")
    {
        var result = Lease("result", offer);
        result["exit_code"] = exitCode;
        result["output"] = output;
        result["duration_ms"] = 5;
        await SendAsync(result);
        return await NextAsync("ack", where: m => m["of"]?.GetValue<string>() == "result" && m["run_id"]?.GetValue<string>() == offer["run_id"]!.GetValue<string>()
            && m["attempt"]?.GetValue<int>() == offer["attempt"]!.GetValue<int>());
    }

    /// <summary>A message naming <paramref name="offer"/>'s attempt and token.</summary>
    public static JsonObject Lease(string type, JsonObject offer) => new()
    {
        ["type"] = type,
        ["run_id"] = offer["run_id"]!.GetValue<string>(),
        ["attempt"] = offer["attempt"]!.GetValue<int>(),
        ["token"] = offer["token"]!.GetValue<string>(),
    };

    /// <summary>Drops the connection without a close handshake, as a crash would.</summary>
    public void Abort()
    {
        _stop.Cancel();
        _socket.Abort();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Abort();
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
                await SendAsync(new JsonObject { ["type"] = "heartbeat" });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Aborted, disposed, or the server closed the connection.
        }
    }

    private async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                var message = (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!;
                _received.Add(message);
                return message;
            }
        }
    }
}
