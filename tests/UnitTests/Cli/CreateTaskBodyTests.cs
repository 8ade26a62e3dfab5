using System.Text.Json.Nodes;
using Actors.Cli.Commands;
using Actors.Cli.Tasks;

namespace Actors.UnitTests.Cli;

public sealed class CreateTaskBodyTests
{
    [Fact]
    public void OptionsBecomeTheFieldsOfTheRequest()
    {
        var body = CreateTaskBody.Build(null, new TaskRequestValues
        {
            AccountId = "acct-1",
            Interval = 60,
            Window = "08:00-22:30",
            TimeZone = "Europe/Berlin",
            Executor = "http",
            Url = "http://127.0.0.1:9000/hook",
            Headers = ["X-Token: abc"],
            TimeoutSeconds = 10,
            RunImmediately = true,
            Kwargs = """{"user_id": "u1"}""",
        });

        Assert.Equal(
            """{"account_id":"acct-1","schedule_mode":"interval","interval":60,"time_slot":{"start_time":"08:00","end_time":"22:30"},"time_zone":"Europe/Berlin","run_immediately":true,"executor":"http","http":{"url":"http://127.0.0.1:9000/hook","headers":{"X-Token":"abc"}},"timeout_seconds":10,"kwargs":{"user_id":"u1"}}""",
            body.ToJsonString());
    }

    [Fact]
    public void OptionsLeftOutAreNotSentSoTheServerAppliesItsDefaults()
    {
        Assert.Equal("""{"account_id":"acct-1"}""", CreateTaskBody.Build(null, new TaskRequestValues { AccountId = "acct-1" }).ToJsonString());
    }

    [Theory]
    [InlineData("cron", "cron", "\"0 2 * * *\"")]
    [InlineData("daily", "at", "[\"09:00\",\"18:30\",\"21:00\"]")]
    [InlineData("once", "run_at", "\"2026-12-01T09:00:00Z\"")]
    public void EachScheduleOptionNamesItsScheduleMode(string mode, string field, string value)
    {
        var values = mode switch
        {
            "cron" => new TaskRequestValues { Cron = "0 2 * * *" },
            "daily" => new TaskRequestValues { Daily = ["09:00,18:30", "21:00"] },
            _ => new TaskRequestValues { RunAt = "2026-12-01T09:00:00Z" },
        };

        var body = CreateTaskBody.Build(null, values).AsObject();

        Assert.Equal(mode, body["schedule_mode"]!.GetValue<string>());
        Assert.Equal(value, body[field]!.ToJsonString());
    }

    [Fact]
    public void TwoScheduleKindsAreAUsageErrorNamingBoth()
    {
        var error = Assert.Throws<UsageException>(() => CreateTaskBody.Build(null, new TaskRequestValues { Interval = 60, Cron = "0 2 * * *" }));

        Assert.Contains("--interval and --cron", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestFileIsSentAsWrittenWithTheOptionsOnTop()
    {
        var file = JsonNode.Parse("""
            {"sys_type": "mac_intel", "xhs_account_id": "account_1", "user_query": "start", "interval": 2,
             "valid_time_range": [0, 24], "http": {"url": "http://a/", "headers": {"A": "1"}}}
            """);

        var body = CreateTaskBody.Build(file, new TaskRequestValues { Interval = 5, Method = "PUT", Headers = ["B: 2"] });

        Assert.Equal(
            """{"sys_type":"mac_intel","xhs_account_id":"account_1","user_query":"start","interval":5,"valid_time_range":[0,24],"http":{"url":"http://a/","headers":{"A":"1","B":"2"},"method":"PUT"},"schedule_mode":"interval"}""",
            body.ToJsonString());
    }

    [Fact]
    public void ARequestFileThatIsNoObjectIsSentAsWrittenForTheServerToRefuse()
    {
        var file = JsonNode.Parse("[1, 2]");

        Assert.Equal("[1,2]", CreateTaskBody.Build(file, new TaskRequestValues()).ToJsonString());
        Assert.Throws<UsageException>(() => CreateTaskBody.Build(file, new TaskRequestValues { AccountId = "a" }));
    }

    [Fact]
    public void KwargsThatAreNotJsonAreAUsageErrorNamingTheOptionTyped()
    {
        var error = Assert.Throws<UsageException>(() => CreateTaskBody.Build(null, new TaskRequestValues { Kwargs = "{type: full", KwargsOption = "--payload" }));

        Assert.StartsWith("--payload is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:00")]
    [InlineData("08:00-12:00-14:00")]
    public void AWindowThatIsNotStartDashEndIsAUsageError(string window)
    {
        Assert.Throws<UsageException>(() => CreateTaskBody.Build(null, new TaskRequestValues { Window = window }));
    }

    [Fact]
    public void AHeaderWithoutAColonIsAUsageError()
    {
        Assert.Throws<UsageException>(() => CreateTaskBody.Build(null, new TaskRequestValues { Headers = ["no colon here"] }));
    }
}
