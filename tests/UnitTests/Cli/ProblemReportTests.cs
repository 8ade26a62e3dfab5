using Actors.Cli.Api;

namespace Actors.UnitTests.Cli;

public sealed class ProblemReportTests
{
    [Fact]
    public void EveryFieldErrorIsListedUnderTheTitle()
    {
        var response = new ApiResponse(400, """
            {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "Invalid request", "status": 400,
             "detail": "Invalid request: interval: interval must be between 1 and 31536000 seconds; got -5.; time_zone: unknown zone",
             "success": false, "error": "Invalid request: ...",
             "errors": {"interval": ["interval must be between 1 and 31536000 seconds; got -5."], "time_zone": ["unknown zone", "second problem"]}}
            """);

        Assert.Equal(
            [
                "error: Invalid request (400)",
                "  interval: interval must be between 1 and 31536000 seconds; got -5.",
                "  time_zone: unknown zone",
                "  time_zone: second problem",
            ],
            ProblemReport.Lines(response));
    }

    [Fact]
    public void AProblemWithoutFieldErrorsShowsItsDetail()
    {
        var response = new ApiResponse(404, """{"title": "Task not found", "status": 404, "detail": "task not found: abc", "success": false, "error": "task not found: abc"}""");

        Assert.Equal(["error: Task not found (404)", "  task not found: abc"], ProblemReport.Lines(response));
    }

    [Theory]
    [InlineData("", "error: the server answered 502 with no body.")]
    [InlineData("Bad gateway", "error: the server answered 502: Bad gateway")]
    public void AnAnswerThatIsNoProblemDocumentShowsTheStatus(string body, string line)
    {
        Assert.Equal([line], ProblemReport.Lines(new ApiResponse(502, body)));
    }
}
