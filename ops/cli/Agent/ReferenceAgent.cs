using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Cli.Agent;

/// <summary>
/// The reference agent (<c>actors agent</c>): connects to the server's agent endpoint, registers,
/// sends heartbeats, accepts offers while it has room, runs them (<see cref="AgentProcess"/>) and
/// reports their results, keeping each result until the server acknowledges it. When the
/// connection drops it reconnects with backoff and registers again with every lease it still
/// holds, so a run it was executing goes on. Protocol: WebApi/Agents/PROTOCOL.md.
/// </summary>
public sealed class ReferenceAgent(AgentOptions options, TextWriter log) : IDisposable
{
    private readonly ConcurrentDictionary<(string RunId, int Attempt), AgentProcess> _running = new();
    private readonly ConcurrentDictionary<(string RunId, int Attempt), JsonObject> _unacknowledged = new();
    private readonly ConcurrentDictionary<(string RunId, int Attempt), JsonObject> _accepting = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private ClientWebSocket? _socket;
    private bool _draining;
    private bool _shutdown;

    /// <summary>Exit code when the server refused the registration itself (reconnecting would not help).</summary>
    public const int Refused = 1;

    /// <inheritdoc />
    public void Dispose() => _sending.Dispose();

    /// <summary>Runs until <paramref name="stopping"/>; returns an exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stopping.IsCancellationRequested && !_shutdown)
        {
            try
            {
                if (await SessionAsync(stopping) is { } refusal)
                {
                    await log.WriteLineAsync($"actors agent: the server refused '{options.Name}': {refusal}");
                    return Refused;
                }

                backoff = TimeSpan.FromMilliseconds(250);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or System.Text.Json.JsonException or ObjectDisposedException or OperationCanceledException && !stopping.IsCancellationRequested)
            {
                await log.WriteLineAsync($"actors agent: connection to {options.Endpoint} lost ({ex.GetBaseException().Message}); reconnecting in {backoff.TotalSeconds:0.##} s");
            }

            if (!stopping.IsCancellationRequested && !_shutdown)
            {
                await Task.Delay(backoff, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }

        return 0;
    }

    /// <summary>One connection; returns why the registration was refused, or null when the connection just ended.</summary>
    private async Task<string?> SessionAsync(CancellationToken stopping)
    {
        using var socket = new ClientWebSocket();
        if (options.Token is { Length: > 0 } token)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        await socket.ConnectAsync(options.Endpoint, stopping);
        _socket = socket;
        _draining = false;
        await SendAsync(Registration());
        var answer = await ReceiveAsync(socket, stopping);
        if (answer?["type"]?.GetValue<string>() != "registered")
        {
            return answer?["type"]?.GetValue<string>() == "error" ? Describe(answer) : null;
        }

        var heartbeat = TimeSpan.FromSeconds(answer["heartbeat_seconds"]?.GetValue<int>() ?? 5);
        await log.WriteLineAsync($"actors agent: '{options.Name}' connected to {options.Endpoint} (labels [{string.Join(", ", options.Labels)}], {options.MaxConcurrent} at once)");
        foreach (var result in _unacknowledged.Values)
        {
            await SendAsync(result);
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var beating = HeartbeatAsync(heartbeat, ending.Token);
        try
        {
            while (await ReceiveAsync(socket, stopping) is { } message)
            {
                await HandleAsync(message);
                if (_shutdown && _running.IsEmpty && _unacknowledged.IsEmpty && _accepting.IsEmpty)
                {
                    await log.WriteLineAsync($"actors agent: '{options.Name}' shut down by the server: its runs are done");
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shut down", CancellationToken.None);
                    break;
                }
            }
        }
        finally
        {
            await ending.CancelAsync();
            await beating;
        }

        return null;
    }

    private async Task HandleAsync(JsonObject message)
    {
        var type = message["type"]?.GetValue<string>();
        var key = message["run_id"] is { } run ? (run.GetValue<string>(), message["attempt"]!.GetValue<int>()) : default;
        switch (type)
        {
            case "offer" when !_draining && _running.Count + _accepting.Count < options.MaxConcurrent:
                _accepting[key] = message;
                await SendAsync(new JsonObject { ["type"] = "accept", ["run_id"] = key.Item1, ["attempt"] = key.Item2, ["token"] = message["token"]!.GetValue<string>() });
                break;
            case "offer":
                await SendAsync(new JsonObject { ["type"] = "decline", ["run_id"] = key.Item1, ["attempt"] = key.Item2, ["token"] = message["token"]!.GetValue<string>(), ["reason"] = _draining ? "draining" : "full" });
                break;
            case "ack" when message["of"]?.GetValue<string>() == "accept":
                if (_accepting.TryRemove(key, out var offer) && message["verdict"]?.GetValue<string>() == "accepted")
                {
                    Start(new AgentProcess(offer, options.Name));
                }

                break;
            case "ack":
                _unacknowledged.TryRemove(key, out _);
                break;
            case "cancel":
                if (_running.TryGetValue(key, out var process) && process.Token == message["token"]?.GetValue<string>())
                {
                    process.Cancel(message["reason"]?.GetValue<string>() ?? "cancelled");
                }

                _accepting.TryRemove(key, out _);
                break;
            case "shutdown":
                (_draining, _shutdown) = (true, true);
                await log.WriteLineAsync($"actors agent: '{options.Name}' is told to shut down: finishing {_running.Count} runs");
                break;
            case "drain":
                _draining = true;
                await log.WriteLineAsync($"actors agent: '{options.Name}' is draining: no new runs");
                break;
            case "error":
                await log.WriteLineAsync($"actors agent: the server says: {Describe(message)}");
                break;
        }
    }

    private void Start(AgentProcess process)
    {
        var key = (process.RunId, process.Attempt);
        _running[key] = process;
        _ = Task.Run(async () =>
        {
            var result = await process.RunAsync();
            _unacknowledged[key] = result;
            _running.TryRemove(key, out _);
            process.Dispose();
            try
            {
                await SendAsync(result);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                // Sent again after the reconnect.
            }
        });
    }

    private async Task HeartbeatAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(every, cancellationToken);
                await SendAsync(new JsonObject { ["type"] = "heartbeat" });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The session ended.
        }
    }

    private JsonObject Registration()
    {
        // Every lease still held: running processes and results not acknowledged yet.
        var held = _running.Values.Select(p => (p.RunId, p.Attempt, p.Token))
            .Concat(_unacknowledged.Values.Select(r => (r["run_id"]!.GetValue<string>(), r["attempt"]!.GetValue<int>(), r["token"]!.GetValue<string>())))
            .Distinct();
        return new JsonObject
        {
            ["type"] = "register",
            ["name"] = options.Name,
            ["labels"] = new JsonArray([.. options.Labels.Select(l => JsonValue.Create(l))]),
            ["task_types"] = new JsonArray([.. options.TaskTypes.Select(t => JsonValue.Create(t))]),
            ["max_concurrent"] = options.MaxConcurrent,
            ["version"] = typeof(ReferenceAgent).Assembly.GetName().Version?.ToString() ?? "",
            ["running"] = new JsonArray([.. held.Select(h => (JsonNode)new JsonObject { ["run_id"] = h.Item1, ["attempt"] = h.Item2, ["token"] = h.Item3 })]),
        };
    }

    private async Task SendAsync(JsonObject message)
    {
        var socket = _socket ?? throw new WebSocketException("not connected");
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length)) as JsonObject;
            }
        }
    }

    private static string Describe(JsonObject error) =>
        error["message"]?.GetValue<string>() + string.Concat((error["errors"]?.AsArray() ?? []).Select(e => $" {e?["field"]}: {e?["message"]}"));
}
