using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;
using Actors.WebApi.Contracts;

namespace Actors.IntegrationTests.Api;

/// <summary>The Web API maps a create body to the request as sent: no defaults, no domain rules.</summary>
public sealed class TaskRequestReaderTests
{
    [Fact]
    public void TheSeedBodyIsMappedAsSentWithNothingDefaulted()
    {
        var reader = Reader("""
            {"sys_type": "mac_intel", "task_type": "xhs_type", "xhs_account_id": "account_1", "xhs_account_name": "账号1",
             "user_query": "开始运营", "user_topic": "科技", "task_end_time": "2026-02-08", "interval": 3600, "valid_time_range": [8, 22]}
            """);

        var request = reader.Read();

        Assert.Equal(("account_1", "账号1", "xhs_type", "mac_intel", 3600, "2026-02-08"),
            (request.AccountId, request.AccountName, request.TaskType, request.SysType, request.Interval, request.TaskEndTime));
        Assert.Equal([8, 22], request.ValidTimeRange!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"user_query": "开始运营", "user_topic": "科技"}"""), JsonNode.Parse(request.KwargsJson!)), request.KwargsJson);
        Assert.Equal(("Asia/Shanghai", null, null, null, null, null), (request.DefaultTimeZone, request.TimeZone, request.ScheduleMode, request.Executor, request.TimeoutSeconds, request.Priority));
        Assert.Empty(request.ShapeErrors);
        Assert.Equal("xhs_account_id", reader.SentNames["account_id"]);
    }

    [Fact]
    public void ValuesOfTheWrongJsonKindAreShapeErrorsUnderTheNameTheClientUsed()
    {
        var request = Reader("""{"xhs_account_id": 42, "interval": "abc", "valid_time_range": "8-22", "http": 5, "kwargs": [1], "schedule_mode": "weekly"}""").Read();

        Assert.Equal(["xhs_account_id", "interval", "valid_time_range", "http", "kwargs"], request.ShapeErrors.Select(e => e.Field));
        Assert.Equal("interval must be a whole number; got the string \"abc\".", request.ShapeErrors[1].Message);
        Assert.Equal((null, null, null, "weekly"), (request.AccountId, request.Interval, request.Http, request.ScheduleMode));
    }

    [Fact]
    public void ATimeSlotIsReadOnlyWithoutAnHourRange()
    {
        var slot = "\"time_slot\": {\"start_time\": \"08:00\", \"end_time\": 9}";

        Assert.Null(Reader($$"""{"valid_time_range": [8, 22], {{slot}}}""").Read().TimeSlot);
        Assert.Equal(new TimeSlotRequest("08:00", null), Reader($$"""{ {{slot}} }""").Read().TimeSlot);
    }

    [Fact]
    public void WebhookSettingsAreMappedAsSent()
    {
        var http = Reader("""{"http": {"url": "https://example.com/h", "method": "put", "headers": {"X-A": "1", "X-B": 2}}}""").Read().Http!;

        Assert.Equal(("https://example.com/h", "put", "1", "2"), (http.Url, http.Method, http.Headers!["x-a"], http.Headers["X-B"]));
    }

    [Fact]
    public void ABodyThatIsNotAnObjectIsOneShapeError()
    {
        var request = Reader("[1]").Read();

        Assert.Equal([new FieldError("body", "The request body must be a JSON object.")], request.ShapeErrors);
        Assert.Equal("Asia/Shanghai", request.DefaultTimeZone);
    }

    [Fact]
    public void ErrorsAreShownUnderTheNamesTheClientUsed()
    {
        var reader = Reader("""{"xhs_account_id": "", "account_name": "n"}""");
        reader.Read();

        var shown = reader.AsSent([new FieldError("account_id", "required"), new FieldError("account_name", "long"), new FieldError("executor", "unknown")]);

        Assert.Equal(["xhs_account_id", "account_name", "executor"], shown.Select(e => e.Field));
    }

    private static TaskRequestReader Reader(string json) => new(JsonDocument.Parse(json).RootElement.Clone(), "Asia/Shanghai");
}
