using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Agents;

/// <summary>
/// Where agents and agent runs meet. The known agents are stored; sessions, the queue, offers and
/// leases live in memory: if this activation is lost, executors queue their attempts again (they
/// find them unknown) and agents register again with the runs they still execute, so nothing is
/// lost. Each offer carries a fencing token; a result counts only with the token of the offer the
/// agent accepted, once.
/// </summary>
[GrainType("agent-hub")]
internal sealed partial class AgentHubGrain(
    [PersistentState("agents", StorageNames.Default)] IPersistentState<AgentHubState> store,
    IOptions<AgentHubOptions> options,
    TimeProvider clock,
    ILogger<AgentHubGrain> logger) : Grain, IAgentHubGrain
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);

    private readonly AgentHubOptions _options = options.Value;
    private readonly Dictionary<string, AgentConnection> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RunId, int Attempt), AgentRunEntry> _runs = [];

    // The runs waiting, and those offered or running: what dispatch looks at (finished runs are kept a while for repeated results).
    private readonly HashSet<(string RunId, int Attempt)> _waiting = [];
    private readonly HashSet<(string RunId, int Attempt)> _active = [];
    private long _lastEpoch;

    private DateTimeOffset Now => clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { KeepAlive = true, Interleave = true });
        _lastEpoch = Now.UtcTicks;
        return Task.CompletedTask;
    }

    public async Task<AgentSession> RegisterAsync(AgentRegistration registration)
    {
        var errors = AgentRegistrationRules.Check(registration.Name, registration.Labels, registration.TaskTypes, registration.MaxConcurrent);
        if (errors.Count > 0)
        {
            return new AgentSession { Errors = [.. errors] };
        }

        var name = registration.Name;
        var draining = store.State.Agents.TryGetValue(name, out var known) && known.Draining;
        store.State.Agents[name] = new StoredAgent
        {
            Labels = registration.Labels, TaskTypes = registration.TaskTypes, MaxConcurrent = registration.MaxConcurrent,
            Version = registration.Version, Draining = draining, LastSeen = Now,
        };
        await store.WriteStateAsync();

        _sessions.Remove(name, out var previous);
        previous?.Close();
        var session = new AgentConnection(NextEpoch(), Now);
        _sessions[name] = session;
        foreach (var lease in registration.Running)
        {
            Adopt(name, session, lease);
        }

        // What it held before and does not report any more, it no longer has (it restarted): abandoned now, not after the grace.
        var reported = registration.Running.Select(l => (l.RunId, l.Attempt)).ToHashSet();
        foreach (var key in _active.Where(k => _runs[k].Agent == name && !reported.Contains(k)).ToList())
        {
            _runs[key].End(new AgentRunStatus { Outcome = RunOutcome.Abandoned, Error = $"agent '{name}' reconnected without attempt {key.Attempt} of {key.RunId}" }, byAgent: false, Now);
            Track(key, _runs[key]);
        }

        if (draining)
        {
            session.Send(new AgentMessage { Kind = AgentMessageKind.Drain });
        }

        LogRegistered(name, session.Epoch, registration.Running.Length);
        Dispatch();
        return new AgentSession
        {
            Epoch = session.Epoch,
            HeartbeatSeconds = (int)_options.HeartbeatInterval.TotalSeconds,
            LeaseGraceSeconds = (int)_options.LeaseGrace.TotalSeconds,
        };
    }

    public Task<bool> HeartbeatAsync(string agent, long epoch) => Task.FromResult(Current(agent, epoch) is not null);

    public async Task<AgentMessage[]?> PollAsync(string agent, long epoch, TimeSpan wait)
    {
        // The Web API's own poll: it says nothing about whether the agent is alive.
        if (Current(agent, epoch, heard: false) is not { } session)
        {
            return null;
        }

        var messages = await session.TakeAsync(wait);
        return _sessions.GetValueOrDefault(agent) == session ? messages : null;
    }

    public Task<AgentReply> AcceptAsync(string agent, long epoch, AgentLease lease)
    {
        if (Current(agent, epoch) is null)
        {
            return Task.FromResult(AgentReply.Refused("This session is not the agent's current one; register again."));
        }

        if (!_runs.TryGetValue((lease.RunId, lease.Attempt), out var run) || run.Agent != agent || run.Token != lease.Token
            || run.State is not (AgentRunState.Offered or AgentRunState.Running))
        {
            return Task.FromResult(AgentReply.Refused($"Attempt {lease.Attempt} of {lease.RunId} is no longer offered to '{agent}' with this token (the offer expired or was taken back)."));
        }

        if (run.State == AgentRunState.Offered)
        {
            run.Start(Now);
            Track((lease.RunId, lease.Attempt), run);
        }

        return Task.FromResult(AgentReply.Accepted());
    }

    public Task DeclineAsync(string agent, long epoch, AgentLease lease, string reason)
    {
        if (Current(agent, epoch) is not null && _runs.TryGetValue((lease.RunId, lease.Attempt), out var run)
            && run.Agent == agent && run.Token == lease.Token && run.State == AgentRunState.Offered)
        {
            LogDeclined(agent, lease.RunId, lease.Attempt, reason);
            run.Requeue(Now);
            Track((lease.RunId, lease.Attempt), run);
            Dispatch(except: agent);
        }

        return Task.CompletedTask;
    }

    public Task<AgentReply> ResultAsync(string agent, long epoch, AgentRunResult result)
    {
        // A result is taken from an older session too (sent before a reconnect): the token fences it.
        var lease = result.Lease;
        if (!_runs.TryGetValue((lease.RunId, lease.Attempt), out var run) || run.Agent != agent || run.Token != lease.Token)
        {
            return Task.FromResult(AgentReply.Refused($"Attempt {lease.Attempt} of {lease.RunId} is not leased to '{agent}' with this token: it was given to another agent or ended; this result does not count."));
        }

        if (run.State == AgentRunState.Finished)
        {
            return Task.FromResult(run.EndedByAgent
                ? new AgentReply { Verdict = AgentVerdict.Duplicate, Outcome = run.Ended!.Outcome }
                : AgentReply.Refused($"Attempt {lease.Attempt} of {lease.RunId} had already ended {Name(run.Ended!.Outcome)}: {run.Ended.Error}; this result does not count."));
        }

        var status = AgentOutcomes.Of(result, run.Work?.TimeoutSeconds, run.Log.ToString());
        run.End(status, byAgent: true, Now);
        Track((lease.RunId, lease.Attempt), run);
        Dispatch();
        return Task.FromResult(AgentReply.Accepted(status.Outcome));
    }

    public Task LogAsync(string agent, long epoch, AgentLease lease, string text)
    {
        if (_runs.TryGetValue((lease.RunId, lease.Attempt), out var run) && run.Agent == agent && run.Token == lease.Token && run.State != AgentRunState.Finished)
        {
            run.Append(text);
        }

        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(string agent, long epoch)
    {
        if (Current(agent, epoch) is { } session)
        {
            session.LostAt ??= Now;
            session.Close();
            LogDisconnected(agent, _options.LeaseGrace.TotalSeconds);
        }

        return Task.CompletedTask;
    }

    public Task EnqueueAsync(AgentWork work)
    {
        var key = (work.RunId, work.Attempt);
        if (_runs.TryGetValue(key, out var run))
        {
            // Queued again after this activation adopted it from a reconnecting agent: keep its lease.
            run.Work ??= work;
            Track(key, run);
            return Task.CompletedTask;
        }

        _runs[key] = new AgentRunEntry(work, work.EnqueuedAt == default ? Now : work.EnqueuedAt);
        Track(key, _runs[key]);
        Dispatch();
        return Task.CompletedTask;
    }

    public async Task<AgentRunStatus> AwaitAsync(string runId, int attempt, TimeSpan wait)
    {
        if (!_runs.TryGetValue((runId, attempt), out var run))
        {
            return new AgentRunStatus { State = AgentRunState.Unknown };
        }

        if (run.State != AgentRunState.Finished)
        {
            await Task.WhenAny(run.Changed, Task.Delay(wait));
        }

        return run.Status();
    }

    public Task CancelAsync(string runId, int attempt, string reason)
    {
        if (_runs.TryGetValue((runId, attempt), out var run) && run.State != AgentRunState.Finished)
        {
            TellCancel(run, reason);
            run.End(new AgentRunStatus { Outcome = RunOutcome.Abandoned, Error = reason }, byAgent: false, Now);
            Track((runId, attempt), run);
            Dispatch();
        }

        return Task.CompletedTask;
    }

    public Task<AgentInfo[]> ListAsync() => Task.FromResult(store.State.Agents.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Info(a.Key, a.Value)).ToArray());

    public Task<AgentCounts> CountsAsync()
    {
        var online = store.State.Agents.Keys.Where(n => _sessions.TryGetValue(n, out var s) && s.Online).ToList();
        return Task.FromResult(new AgentCounts
        {
            Online = online.Count,
            Offline = store.State.Agents.Count - online.Count,
            Draining = online.Count(n => store.State.Agents[n].Draining),
            Waiting = _waiting.Count,
            Running = _active.Count,
        });
    }

    public async Task<bool> DrainAsync(string agent)
    {
        if (!store.State.Agents.TryGetValue(agent, out var known))
        {
            return false;
        }

        known.Draining = true;
        await store.WriteStateAsync();
        _sessions.GetValueOrDefault(agent)?.Send(new AgentMessage { Kind = AgentMessageKind.Drain });
        return true;
    }

    public async Task<bool?> ShutdownAsync(string agent)
    {
        if (!store.State.Agents.TryGetValue(agent, out var known))
        {
            return null;
        }

        if (!_sessions.TryGetValue(agent, out var session) || !session.Online)
        {
            return false;
        }

        known.Draining = true;
        await store.WriteStateAsync();
        session.Send(new AgentMessage { Kind = AgentMessageKind.Shutdown });
        return true;
    }

    public async Task<bool?> ForgetAsync(string agent)
    {
        if (!store.State.Agents.ContainsKey(agent))
        {
            return null;
        }

        if (_sessions.TryGetValue(agent, out var session) && session.Online)
        {
            return false;
        }

        store.State.Agents.Remove(agent);
        await store.WriteStateAsync();
        _sessions.Remove(agent);
        foreach (var key in _active.Where(k => _runs[k].Agent == agent).ToList())
        {
            _runs[key].End(new AgentRunStatus { Outcome = RunOutcome.Abandoned, Error = $"agent '{agent}' was forgotten" }, byAgent: false, Now);
            Track(key, _runs[key]);
        }

        return true;
    }

    /// <summary>Once a second: silent agents go offline, their runs are abandoned after the grace, offers expire, runs time out in the queue.</summary>
    private Task TickAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var (name, session) in _sessions)
        {
            if (session.Online && now - session.LastHeard > _options.HeartbeatTimeout)
            {
                session.LostAt = now;
                LogSilent(name, (now - session.LastHeard).TotalSeconds);
            }
        }

        foreach (var ((runId, attempt), run) in _runs.ToList())
        {
            var before = run.State;
            switch (run.State)
            {
                case AgentRunState.Offered when now - run.Since >= _options.OfferTimeout:
                    TellCancel(run, "the offer was not accepted in time");
                    run.Requeue(now);
                    break;
                case AgentRunState.Offered or AgentRunState.Running when Lost(run.Agent!, now) is { } lostFor:
                    LogLost(run.Agent!, runId, attempt, lostFor.TotalSeconds);
                    run.End(new AgentRunStatus { Outcome = RunOutcome.Abandoned, Error = $"agent '{run.Agent}' was lost for {lostFor.TotalSeconds:0} s (lease grace {_options.LeaseGrace.TotalSeconds:0} s)" }, byAgent: false, now);
                    break;
                case AgentRunState.Waiting when run.Work is { } work && AgentDispatch.QueueTimedOut(Waiting(run), TimeSpan.FromSeconds(work.QueueTimeoutSeconds), now):
                    run.End(new AgentRunStatus { Outcome = RunOutcome.TimedOut, Error = AgentDispatch.NoAgentReason(Waiting(run)) }, byAgent: false, now);
                    break;
                case AgentRunState.Finished when now - run.Since > _options.FinishedKept:
                    _runs.Remove((runId, attempt));
                    break;
            }

            if (run.State != before)
            {
                Track((runId, attempt), run);
            }
        }

        Dispatch();
        return Task.CompletedTask;
    }

    /// <summary>Offers waiting runs to agents with free capacity (<see cref="AgentDispatch"/>).</summary>
    private void Dispatch(string? except = null)
    {
        var waiting = _waiting.Select(k => _runs[k]).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var held = _active.GroupBy(k => _runs[k].Agent!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var slots = _sessions.Where(s => s.Value.Online && s.Key != except && store.State.Agents.TryGetValue(s.Key, out var a) && !a.Draining)
            .Select(s => Slot(s.Key, store.State.Agents[s.Key], held.GetValueOrDefault(s.Key)));
        var byRun = waiting.ToDictionary(r => (r.Work!.RunId, r.Work.Attempt));
        var now = Now;
        foreach (var (run, agent) in AgentDispatch.Assign(waiting.Select(Waiting), slots))
        {
            var entry = byRun[(run.RunId, run.Attempt)];
            var token = Guid.NewGuid().ToString("N");
            entry.Assign(agent, token, AgentRunState.Offered, now);
            Track((run.RunId, run.Attempt), entry);
            _sessions[agent].Send(new AgentMessage { Kind = AgentMessageKind.Offer, Work = entry.Work, Lease = new AgentLease(run.RunId, run.Attempt, token) });
        }
    }

    /// <summary>A run an agent reports on reconnect: it keeps it unless the run has gone to another agent or ended.</summary>
    private void Adopt(string agent, AgentConnection session, AgentLease lease)
    {
        var key = (lease.RunId, lease.Attempt);
        if (!_runs.TryGetValue(key, out var run))
        {
            run = new AgentRunEntry(null, Now);
            _runs[key] = run;
        }

        if (run.State == AgentRunState.Waiting || (run.Agent == agent && run.Token == lease.Token && run.State != AgentRunState.Finished))
        {
            run.Assign(agent, lease.Token, AgentRunState.Running, Now);
            Track(key, run);
        }
        else if (run.Agent != agent || run.Token != lease.Token || !run.EndedByAgent)
        {
            session.Send(new AgentMessage { Kind = AgentMessageKind.Cancel, Lease = lease, Reason = "this attempt was given to another agent or has ended" });
        }
    }

    private void TellCancel(AgentRunEntry run, string reason)
    {
        if (run.Agent is { } agent && run.Token is { } token && run.Work is { } work && _sessions.TryGetValue(agent, out var session))
        {
            session.Send(new AgentMessage { Kind = AgentMessageKind.Cancel, Lease = new AgentLease(work.RunId, work.Attempt, token), Reason = reason });
        }
    }

    /// <summary>How long <paramref name="agent"/> has been lost, once that is beyond the grace; null while it is online or within it.</summary>
    private TimeSpan? Lost(string agent, DateTimeOffset now)
    {
        var lostAt = _sessions.TryGetValue(agent, out var session) ? session.LostAt : null;
        var lostFor = lostAt is { } at ? now - at : (TimeSpan?)null;
        return lostFor >= _options.LeaseGrace ? lostFor : null;
    }

    /// <summary>The agent's session if <paramref name="epoch"/> is its current one; a message from the agent itself (<paramref name="heard"/>) also shows it alive.</summary>
    private AgentConnection? Current(string agent, long epoch, bool heard = true)
    {
        if (!_sessions.TryGetValue(agent, out var session) || session.Epoch != epoch)
        {
            return null;
        }

        if (heard)
        {
            session.LastHeard = Now;
            session.LostAt = null;
        }

        return session;
    }

    /// <summary>Files the run under waiting, active or neither after a change of its state.</summary>
    private void Track((string RunId, int Attempt) key, AgentRunEntry run)
    {
        _waiting.Remove(key);
        _active.Remove(key);
        _ = run.State switch
        {
            AgentRunState.Waiting when run.Work is not null => _waiting.Add(key),
            AgentRunState.Offered or AgentRunState.Running => _active.Add(key),
            _ => false,
        };
    }

    private long NextEpoch() => _lastEpoch = Math.Max(_lastEpoch + 1, Now.UtcTicks);

    private AgentInfo Info(string name, StoredAgent agent)
    {
        var session = _sessions.GetValueOrDefault(name);
        return new AgentInfo
        {
            Name = name,
            Labels = agent.Labels,
            TaskTypes = agent.TaskTypes,
            MaxConcurrent = agent.MaxConcurrent,
            RunsInFlight = [.. _active.Where(k => _runs[k].Agent == name).Select(k => k.RunId).Order(StringComparer.Ordinal)],
            Online = session?.Online == true,
            Draining = agent.Draining,
            LastHeartbeat = session?.LastHeard ?? agent.LastSeen,
            ConnectedSince = session?.Online == true ? session.ConnectedSince : null,
            Version = agent.Version,
            RunsWaiting = _waiting.Count(k => AgentDispatch.Matches(Waiting(_runs[k]), Slot(name, agent, 0))),
        };
    }

    private static AgentSlot Slot(string name, StoredAgent agent, int inFlight) =>
        new(name, agent.Labels.ToHashSet(StringComparer.Ordinal), agent.TaskTypes.ToHashSet(StringComparer.Ordinal), agent.MaxConcurrent, inFlight, Available: true);

    private static WaitingRun Waiting(AgentRunEntry run) =>
        new(run.Work!.RunId, run.Work.Attempt, run.Work.Priority, run.Work.EnqueuedAt, run.Work.Labels, run.Work.TaskType);

    private static string Name(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} registered (session {Epoch}, {Running} runs still executing)")]
    private partial void LogRegistered(string agent, long epoch, int running);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} disconnected; its runs are kept for {Grace} s")]
    private partial void LogDisconnected(string agent, double grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent} silent for {Seconds:0} s: offline")]
    private partial void LogSilent(string agent, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent} lost for {Seconds:0} s: attempt {Attempt} of {RunId} abandoned")]
    private partial void LogLost(string agent, string runId, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} declined attempt {Attempt} of {RunId}: {Reason}")]
    private partial void LogDeclined(string agent, string runId, int attempt, string reason);
}
