using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Actors.IntegrationTests.Api;

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>) and a check that a real response is what the document
/// says: its path, method, status and content type are listed, and its body is valid against the listed schema.
/// </summary>
public sealed class ApiContract(JsonObject document)
{
    private const string ComponentRef = "#/components/schemas/";

    /// <summary>The document as served.</summary>
    public JsonObject Document { get; } = document;

    /// <summary>The (method, path template, status) of every response checked so far.</summary>
    public HashSet<string> Checked { get; } = new(StringComparer.Ordinal);

    /// <summary>Fetches the document.</summary>
    public static async Task<ApiContract> LoadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return new ApiContract((JsonObject)JsonNode.Parse(text)!);
    }

    /// <summary>The schema the document gives for a response, with its component references resolved (fails when there is none).</summary>
    public JsonObject ResponseSchema(string method, string pathTemplate, int status, string contentType)
    {
        var operation = Document["paths"]?[pathTemplate]?[method.ToLowerInvariant()];
        Assert.True(operation is not null, $"The document has no operation {method} {pathTemplate}.");
        var response = operation!["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(response is not null, $"The document does not list status {status} for {method} {pathTemplate}; it lists {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))}.");
        var schema = response!["content"]?[contentType]?["schema"];
        Assert.True(schema is not null, $"The document has no {contentType} schema for {status} of {method} {pathTemplate}.");
        return Resolve(schema!);
    }

    /// <summary>Asserts the response is listed in the document and its body is valid against the listed schema.</summary>
    public async Task<JsonNode?> AssertConformsAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage!;
        var method = request.Method.Method;
        var template = Template(method, request.RequestUri!.AbsolutePath);
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        var text = await response.Content.ReadAsStringAsync();
        AssertValid(ResponseSchema(method, template, status, contentType), text, $"{method} {template} {status}");
        Checked.Add($"{method} {template} {status}");
        return JsonNode.Parse(text);
    }

    /// <summary>The schema the document gives for an operation's JSON request body, resolved (fails when there is none).</summary>
    public JsonObject RequestSchema(string method, string pathTemplate)
    {
        var schema = Document["paths"]?[pathTemplate]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"];
        Assert.True(schema is not null, $"The document has no JSON request body for {method} {pathTemplate}.");
        return Resolve(schema!);
    }

    /// <summary>Asserts a JSON text is valid against a resolved schema.</summary>
    public static void AssertValid(JsonObject resolvedSchema, string text, string what)
    {
        var schema = JsonSchema.Build(JsonSerializer.SerializeToElement(resolvedSchema));
        var result = schema.Evaluate(JsonSerializer.Deserialize<JsonElement>(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, $"{what}: the body does not match the document's schema:\n  {string.Join("\n  ", errors)}\nbody: {text}");
    }

    /// <summary>The document's path template matching a request path (the one with fewest parameters).</summary>
    public string Template(string method, string path)
    {
        var trimmed = path.TrimEnd('/');
        var match = Document["paths"]!.AsObject()
            .Where(p => p.Value?[method.ToLowerInvariant()] is not null)
            .Select(p => p.Key)
            .Where(t => Regex.IsMatch(trimmed, "^" + Regex.Replace(Regex.Escape(t.TrimEnd('/')), @"\\\{[^}]+}", "[^/]+") + "$"))
            .OrderBy(t => t.Count(c => c == '{'))
            .FirstOrDefault();
        Assert.True(match is not null, $"The document lists no {method} operation for {path}.");
        return match!;
    }

    /// <summary>A standalone JSON Schema (2020-12): the schema, with the document's components as <c>$defs</c>.</summary>
    private JsonObject Resolve(JsonNode schema)
    {
        var components = Document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = components,
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return (JsonObject)JsonNode.Parse(root.ToJsonString().Replace(ComponentRef, "#/$defs/", StringComparison.Ordinal))!;
    }
}
