using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Execution;

/// <summary>
/// Calls a webhook. The JSON body carries the task id, run id, round, attempt, scheduled time and
/// kwargs (for a flow node also flow_id, cycle, node_id, config and inputs); the run id also goes as <c>X-Actors-Run-Id</c> and <c>Idempotency-Key</c>, so a receiver
/// can deduplicate a round that is retried after a crash. Success is any 2xx within the timeout.
/// </summary>
public sealed class HttpExecutor(IHttpClientFactory httpClients) : IExecutor
{
    /// <summary>The named HttpClient (no automatic retries: the task grain owns retries).</summary>
    public const string ClientName = "actors-webhooks";

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public PluginDescriptor Describe() => new()
    {
        Name = Name,
        PluginType = "executor",
        Description = "Calls a webhook with a JSON body (task_id, run_id, round, attempt, scheduled_time, task_type, account_id, kwargs) and the run id in X-Actors-Run-Id and Idempotency-Key; a 2xx within the timeout is success; the first 4 KB of the response are kept.",
        Options =
        [
            new PluginOption("http.url", "string (absolute http/https URL)", true, null, "The webhook to call."),
            new PluginOption("http.method", "string", false, "POST", "GET, POST, PUT, PATCH or DELETE."),
            new PluginOption("http.headers", "object of strings", false, "{}", "Extra request headers (values are never shown back)."),
            new PluginOption("timeout_seconds", "integer", false, "300", "A run that takes longer is timed out."),
        ],
    };

    /// <inheritdoc />
    /// <remarks>A webhook that is given is checked for every executor (<see cref="TaskSpecValidator"/>); this one needs one.</remarks>
    public IReadOnlyList<FieldError> Validate(TaskSpec spec) =>
        string.IsNullOrWhiteSpace(spec.Execution.Http?.Url)
            ? [new FieldError("http.url", "http.url is required for the http executor; give an absolute http or https URL, e.g. \"https://example.com/hooks/run\".")]
            : [];

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var target = request.Spec.Execution.Http ?? throw new InvalidOperationException("The task has no http settings.");
        using var message = new HttpRequestMessage(new HttpMethod(target.Method.ToUpperInvariant()), target.Url);
        var body = new JsonObject
        {
            ["task_id"] = request.TaskId.ToString(),
            ["run_id"] = request.RunId,
            ["round"] = request.Round,
            ["attempt"] = request.Attempt,
            ["scheduled_time"] = request.ScheduledAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["task_type"] = request.Spec.TaskType,
            ["account_id"] = request.Spec.AccountId,
            ["kwargs"] = JsonNode.Parse(request.Spec.KwargsJson),
        };
        if (request.Node is { } node)
        {
            body["flow_id"] = node.FlowId;
            body["cycle"] = node.Cycle;
            body["node_id"] = node.NodeId;
            body["config"] = JsonNode.Parse(node.ConfigJson);
            body["inputs"] = JsonNode.Parse(node.InputsJson);
        }

        if (message.Method != HttpMethod.Get)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in target.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.Remove("X-Actors-Run-Id");
        message.Headers.Add("X-Actors-Run-Id", request.RunId);
        message.Headers.Remove("Idempotency-Key");
        message.Headers.Add("Idempotency-Key", request.RunId);
        message.Headers.Add("X-Actors-Task-Id", request.TaskId.ToString());
        message.Headers.Add("X-Actors-Attempt", request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("Actors", "1.0"));

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return ExecutionResult.Failure($"Could not reach {target.Url}: {ex.Message}");
        }

        using (response)
        {
            var excerpt = await ReadExcerptAsync(response, request.OutputLimit, cancellationToken);
            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            return response.IsSuccessStatusCode ? ExecutionResult.Success(excerpt) : ExecutionResult.Failure(status, excerpt);
        }
    }

    /// <summary>Reads at most the first <paramref name="limit"/> characters of the body, never the rest.</summary>
    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[limit];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new string(buffer, 0, read);
    }
}
