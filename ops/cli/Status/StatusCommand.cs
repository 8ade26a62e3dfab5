using System.CommandLine;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;

namespace Actors.Cli.Status;

/// <summary><c>actors status</c>: <c>/health</c>, <c>/api/v1/status</c> and <c>/api/v1/dispatcher/status</c> in one view.</summary>
public static class StatusCommand
{
    /// <summary>The command.</summary>
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("status", "Health, silos, task counts and the dispatcher; exit code 1 when the server reports itself unhealthy");
        globals.SetAction(command, async (session, _, cancellationToken) =>
        {
            // Health answers 503 with its report when unhealthy: that report is what to show.
            var health = await session.Client.GetAsync("health", cancellationToken);
            var status = await session.Client.GetAsync("api/v1/status", cancellationToken);
            var dispatcher = await session.Client.GetAsync("api/v1/dispatcher/status", cancellationToken);
            if (session.Json)
            {
                session.Out.WriteLine(new JsonObject { ["health"] = health.Json, ["status"] = status.Json, ["dispatcher"] = dispatcher.Json }.ToJsonString());
            }
            else
            {
                StatusView.Write(health.Json, status.IsSuccess ? status.Json : null, dispatcher.IsSuccess ? dispatcher.Json : null, session.Out);
            }

            var failed = new[] { status, dispatcher }.Where(r => !r.IsSuccess).ToArray();
            foreach (var response in failed)
            {
                session.Report(response);
            }

            return health.IsSuccess && failed.Length == 0 ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
