using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Agents;

/// <summary>
/// One agent's WebSocket: the register handshake, then two loops until either side closes — what
/// the agent sends goes to the agent hub, and what the hub has for the agent (offers, cancels,
/// drain) is sent to it. A malformed message gets an error and closes the connection with
/// <see cref="AgentProtocol.BadMessage"/>; the agent's runs stay leased for the grace period.
/// </summary>
public sealed partial class AgentSocketSession(WebSocket socket, IAgentHubGrain hub, ILogger logger) : IDisposable
{
    private static readonly TimeSpan RegisterWithin = TimeSpan.FromSeconds(10);
    /// <summary>How long one poll of the hub waits for messages: well inside the Orleans client's response timeout (10 s here).</summary>
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(4);
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly SemaphoreSlim _sending = new(1, 1);
    private string _agent = "";
    private long _epoch;

    /// <summary>Runs the session until the connection ends.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var registerTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        registerTimeout.CancelAfter(RegisterWithin);
        var first = await ReceiveAsync(registerTimeout.Token).ConfigureAwait(false);
        if (first is null)
        {
            await CloseAsync(AgentProtocol.NoRegistration, "no register message within 10 s").ConfigureAwait(false);
            return;
        }

        var (message, error) = AgentProtocol.Read(first);
        if (message?.Registration is not { } registration)
        {
            await RefuseAsync(error ?? "The first message must be {\"type\": \"register\", ...}.").ConfigureAwait(false);
            return;
        }

        var session = await hub.RegisterAsync(registration).ConfigureAwait(false);
        if (session.Errors.Length > 0)
        {
            await RefuseAsync("The registration was refused.", session.Errors).ConfigureAwait(false);
            return;
        }

        (_agent, _epoch) = (registration.Name, session.Epoch);
        await SendAsync(AgentProtocol.Registered(session)).ConfigureAwait(false);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var sending = ForwardHubMessagesAsync(ending.Token);
        try
        {
            await ReceiveLoopAsync(ending.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The hub could not be reached (a silo going down): the agent reconnects and resumes.
            LogHubUnreachable(ex, _agent);
            await CloseAsync(WebSocketCloseStatus.InternalServerError, "the server could not reach the agent hub; reconnect").ConfigureAwait(false);
        }
        finally
        {
            await ending.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(false);
            try
            {
                await hub.DisconnectedAsync(_agent, _epoch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Heartbeats stop too: the hub finds the agent silent instead.
                LogHubUnreachable(ex, _agent);
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            var (message, error) = AgentProtocol.Read(text);
            if (message is null)
            {
                await RefuseAsync(error!).ConfigureAwait(false);
                return;
            }

            switch (message.Type)
            {
                case "heartbeat" when !await hub.HeartbeatAsync(_agent, _epoch).ConfigureAwait(false):
                    await CloseAsync(AgentProtocol.Replaced, "this session was replaced; connect again").ConfigureAwait(false);
                    return;
                case "accept":
                    await SendAsync(AgentProtocol.Ack("accept", message.Lease!, await hub.AcceptAsync(_agent, _epoch, message.Lease!).ConfigureAwait(false))).ConfigureAwait(false);
                    break;
                case "decline":
                    await hub.DeclineAsync(_agent, _epoch, message.Lease!, message.Text!).ConfigureAwait(false);
                    break;
                case "log":
                    await hub.LogAsync(_agent, _epoch, message.Lease!, message.Text!).ConfigureAwait(false);
                    break;
                case "result":
                    var reply = await hub.ResultAsync(_agent, _epoch, message.Result!).ConfigureAwait(false);
                    await SendAsync(AgentProtocol.Ack("result", message.Result!.Lease, reply)).ConfigureAwait(false);
                    break;
                case "register":
                    await RefuseAsync("register is the first message only.").ConfigureAwait(false);
                    return;
            }
        }
    }

    private async Task ForwardHubMessagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var messages = await hub.PollAsync(_agent, _epoch, PollWait).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (messages is null)
                {
                    await CloseAsync(AgentProtocol.Replaced, "this session was replaced; connect again").ConfigureAwait(false);
                    return;
                }

                foreach (var message in messages)
                {
                    await SendAsync(AgentProtocol.Outbound(message)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The connection ended.
        }
        catch (Exception ex)
        {
            LogForwardFailed(ex, _agent);
            await CloseAsync(WebSocketCloseStatus.InternalServerError, "the server could not reach the agent hub").ConfigureAwait(false);
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                text.Write(buffer, 0, received.Count);
                if (text.Length > MaxMessageBytes)
                {
                    await RefuseAsync($"A message may be at most {MaxMessageBytes} bytes.").ConfigureAwait(false);
                    return null;
                }

                if (received.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return null;
        }
    }

    private async Task RefuseAsync(string why, IEnumerable<FieldError>? errors = null)
    {
        LogRefused(_agent, why);
        await SendAsync(AgentProtocol.Error(why, errors)).ConfigureAwait(false);
        await CloseAsync(AgentProtocol.BadMessage, why).ConfigureAwait(false);
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The agent went away; its leases are kept for the grace period.
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sending.Dispose();

    private Task CloseAsync(int code, string why) => CloseAsync((WebSocketCloseStatus)code, why);

    private async Task CloseAsync(WebSocketCloseStatus code, string why)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var reason = why.Length > 120 ? why[..120] : why;
                await socket.CloseOutputAsync(code, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sending.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent connection '{Agent}' refused: {Why}")]
    private partial void LogRefused(string agent, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent '{Agent}': the agent hub could not be reached; the connection is closed and the agent reconnects")]
    private partial void LogHubUnreachable(Exception exception, string agent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent '{Agent}': could not forward the hub's messages")]
    private partial void LogForwardFailed(Exception exception, string agent);
}
