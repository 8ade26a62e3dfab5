using System.Text.Json.Nodes;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Actors.WebApi.Hosting;

/// <summary>
/// What the generated OpenAPI document cannot see by itself: the fields every problem body carries,
/// the answers any endpoint may give (401 with keys, 413, 429, 500), and examples of the main bodies.
/// </summary>
public static class OpenApiConventions
{
    /// <summary>The seed's example request (its <c>user_*</c> fields land in kwargs).</summary>
    public static readonly JsonNode CreateTaskExample = JsonNode.Parse("""
        {"sys_type": "mac_intel", "task_type": "xhs_type", "xhs_account_id": "account_1", "xhs_account_name": "Account 1",
         "user_query": "start", "user_topic": "tech", "task_end_time": "2099-02-08", "interval": 600, "valid_time_range": [8, 22]}
        """)!;

    /// <summary>A flow of two nodes, the second fed by the first's output.</summary>
    public static readonly JsonNode FlowExample = JsonNode.Parse("""
        {"flow_id": "prices", "cycle_interval": "1m", "flow_json": {
           "nodes": [{"id": "fetch", "type": "http", "config": {"url": "https://example.com/prices"}}, {"id": "report", "type": "log"}],
           "edges": [{"source": "fetch", "source_handle": "prices", "target": "report", "target_handle": "prices"}]}}
        """)!;

    /// <summary>Registers the conventions.</summary>
    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Actors REST API";
            document.Info.Version = "v1";
            document.Info.Description = "A distributed task scheduler on Orleans. Errors are RFC 9457 problem details that also carry success=false and error.";
            AddCommonAnswers(document);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(ProblemDetails) && schema.Properties is { } properties)
            {
                properties["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Always false." };
                properties["error"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong and how to fix it (the detail)." };
                properties["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object, Description = "400: every invalid field with its messages, by the field name the client sent.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
                properties["existing_task_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "409 on create: the account's active task." };
            }
            else if (type == typeof(CreateTaskBody))
            {
                schema.Examples = [CreateTaskExample.DeepClone()];
            }
            else if (type == typeof(FlowExecuteBody))
            {
                schema.Examples = [FlowExample.DeepClone()];
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Answers any operation may give, as problem details: 401 (API keys set), 413 (a body too large), 429, 500, and 503 on the REST API.</summary>
    private static void AddCommonAnswers(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            {
                AddCommonAnswers(operation, document, needsKey: !ApiKeyMiddleware.IsOpen(path), isApi: path.StartsWith("/api/", StringComparison.Ordinal));
            }
        }
    }

    private static void AddCommonAnswers(OpenApiOperation operation, OpenApiDocument document, bool needsKey, bool isApi)
    {
        operation.Responses ??= [];
        if (needsKey)
        {
            Add(operation, document, "401", "A valid API key is required (when Actors:Api:ApiKeys is set).");
        }

        Add(operation, document, "429", "More requests per second from one client than Actors:Api:RateLimitPerSecond.");
        if (isApi)
        {
            Add(operation, document, "503", "The cluster or its storage cannot answer now (FaultHandler); try again.");
        }

        Add(operation, document, "500", "An unexpected fault; the body says what to report.");
        if (operation.RequestBody is not null)
        {
            Add(operation, document, "413", "The body is larger than Actors:Api:MaxRequestBodyBytes.");
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
            },
        };
    }
}
