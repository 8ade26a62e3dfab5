using System.Collections.Concurrent;

namespace Actors.Benchmarks;

/// <summary>Reading many tasks by id at the end of a scenario.</summary>
public static class TaskStatuses
{
    /// <summary>Every task by id: its status, <c>lost</c> on 404, <c>unreadable</c> when it still failed after 3 tries.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(HttpClient http, IReadOnlyList<string> taskIds)
    {
        var statuses = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Load.RunAsync(taskIds.Count, 16, async i =>
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var answer = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/tasks/{taskIds[i]}");
                if (answer.Status == 404 || (answer.Ok && answer.Body?["status"] is not null))
                {
                    statuses[taskIds[i]] = answer.Status == 404 ? "lost" : answer.Body!["status"]!.GetValue<string>();
                    return;
                }

                await Task.Delay(2000);
            }

            statuses[taskIds[i]] = "unreadable";
        });
        return new Dictionary<string, string>(statuses, StringComparer.Ordinal);
    }
}
