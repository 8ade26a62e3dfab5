using Actors.Grains;
using Actors.Grains.Agents;

namespace Actors.UnitTests.Agents;

public sealed class AgentDispatchTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARunGoesOnlyToAnAgentWithEveryLabelAndItsTaskType()
    {
        var run = Run("r1", labels: ["chrome", "linux"], taskType: "scrape");

        Assert.True(AgentDispatch.Matches(run, Agent("a", labels: ["linux", "chrome", "headless"], taskTypes: ["scrape"])));
        Assert.True(AgentDispatch.Matches(run, Agent("any-type", labels: ["linux", "chrome"])));
        Assert.False(AgentDispatch.Matches(run, Agent("no-chrome", labels: ["linux"])));
        Assert.False(AgentDispatch.Matches(run, Agent("other-type", labels: ["linux", "chrome"], taskTypes: ["build"])));
        Assert.False(AgentDispatch.Matches(run, Agent("draining", labels: ["linux", "chrome"], available: false)));
    }

    [Fact]
    public void TheSysTypeIsARequiredLabelWhenSet()
    {
        Assert.Equal(["chrome", "mac_intel"], AgentDispatch.RequiredLabels(["chrome"], "mac_intel"));
        Assert.Equal(["chrome"], AgentDispatch.RequiredLabels(["chrome", "chrome"], ""));
        Assert.Empty(AgentDispatch.RequiredLabels([], null));
    }

    [Fact]
    public void UnderSaturationHighGoesFirstThenNormalThenLowOldestFirstWithin()
    {
        var waiting = new[]
        {
            Run("low-old", priority: TaskPriority.Low, enqueued: Noon),
            Run("normal-new", priority: TaskPriority.Normal, enqueued: Noon.AddSeconds(3)),
            Run("high-new", priority: TaskPriority.High, enqueued: Noon.AddSeconds(5)),
            Run("normal-old", priority: TaskPriority.Normal, enqueued: Noon.AddSeconds(1)),
            Run("high-old", priority: TaskPriority.High, enqueued: Noon.AddSeconds(4)),
        };

        var assigned = AgentDispatch.Assign(waiting, [Agent("a", maxConcurrent: 3)]);

        Assert.Equal(["high-old", "high-new", "normal-old"], assigned.Select(a => a.Run.RunId));
    }

    [Fact]
    public void NoAgentGetsMoreThanItsMaxConcurrent()
    {
        var waiting = Enumerable.Range(0, 10).Select(i => Run($"r{i}", enqueued: Noon.AddSeconds(i))).ToList();

        var assigned = AgentDispatch.Assign(waiting, [Agent("a", maxConcurrent: 3, inFlight: 1), Agent("b", maxConcurrent: 2), Agent("off", maxConcurrent: 5, available: false)]);

        Assert.Equal(4, assigned.Count);
        Assert.Equal(2, assigned.Count(a => a.Agent == "a"));
        Assert.Equal(2, assigned.Count(a => a.Agent == "b"));
        Assert.Equal(["r0", "r1", "r2", "r3"], assigned.Select(a => a.Run.RunId));
    }

    [Fact]
    public void ARunNoAgentMatchesWaitsWithoutHoldingBackTheOthers()
    {
        var waiting = new[]
        {
            Run("needs-gpu", priority: TaskPriority.High, labels: ["gpu"]),
            Run("plain", priority: TaskPriority.Low),
        };

        var assigned = AgentDispatch.Assign(waiting, [Agent("a", labels: ["linux"])]);

        Assert.Equal("plain", Assert.Single(assigned).Run.RunId);
    }

    [Fact]
    public void TheMatchingAgentWithTheMostFreeSlotsIsOfferedARunFirst()
    {
        var assigned = AgentDispatch.Assign([Run("r1"), Run("r2", enqueued: Noon.AddSeconds(1))], [Agent("busy", maxConcurrent: 4, inFlight: 3), Agent("idle", maxConcurrent: 3)]);

        Assert.Equal(["idle", "idle"], assigned.Select(a => a.Agent));
    }

    [Fact]
    public void AWaitingRunTimesOutAfterItsQueueTimeoutWithTheLabelsItNeeded()
    {
        var run = Run("r1", labels: ["chrome", "linux"], taskType: "scrape");

        Assert.False(AgentDispatch.QueueTimedOut(run, TimeSpan.FromSeconds(300), Noon.AddSeconds(299)));
        Assert.True(AgentDispatch.QueueTimedOut(run, TimeSpan.FromSeconds(300), Noon.AddSeconds(300)));
        Assert.StartsWith("no agent with labels [chrome, linux] was available", AgentDispatch.NoAgentReason(run), StringComparison.Ordinal);
    }

    private static WaitingRun Run(string id, TaskPriority priority = TaskPriority.Normal, DateTimeOffset? enqueued = null, string[]? labels = null, string taskType = "xhs_type") =>
        new(id, 1, priority, enqueued ?? Noon, labels ?? [], taskType);

    private static AgentSlot Agent(string name, string[]? labels = null, string[]? taskTypes = null, int maxConcurrent = 1, int inFlight = 0, bool available = true) =>
        new(name, new HashSet<string>(labels ?? [], StringComparer.Ordinal), new HashSet<string>(taskTypes ?? [], StringComparer.Ordinal), maxConcurrent, inFlight, available);
}
