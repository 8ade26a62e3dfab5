using Actors.Grains;
using Actors.WebApi.Contracts;

namespace Actors.IntegrationTests.Api;

/// <summary>A task's daily window in its two wire forms.</summary>
public sealed class TaskJsonTests
{
    [Fact]
    public void AWholeHourWindowShowsAsAnHourRangeAndATimeSlot()
    {
        var json = Json(WithWindow(new DailyWindow(1200, 1440)));

        Assert.Equal("[20,24]", json["valid_time_range"]!.ToJsonString());
        Assert.Equal("{\"start_time\":\"20:00\",\"end_time\":\"24:00\"}", json["time_slot"]!.ToJsonString());
    }

    [Fact]
    public void AWindowWithMinutesShowsOnlyAsATimeSlot()
    {
        var json = Json(WithWindow(new DailyWindow(1335, 345)));

        Assert.Null(json["valid_time_range"]);
        Assert.Equal("{\"start_time\":\"22:15\",\"end_time\":\"05:45\"}", json["time_slot"]!.ToJsonString());
    }

    [Fact]
    public void NoWindowShowsAsNeither()
    {
        var json = Json(WithWindow(null));

        Assert.Null(json["valid_time_range"]);
        Assert.Null(json["time_slot"]);
    }

    private static System.Text.Json.Nodes.JsonNode Json(TaskInfo task) => System.Text.Json.JsonSerializer.SerializeToNode(task.ToView(), WireJson.Options)!;

    private static TaskInfo WithWindow(DailyWindow? window) => new() { Spec = new TaskSpec { Schedule = new ScheduleSpec { Window = window } } };
}
