using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

/// <summary>Small helpers so API tests read as sentences.</summary>
public static class ApiClient
{
    /// <summary>POSTs raw JSON text.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>POSTs a JSON object.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, JsonObject body) =>
        http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    /// <summary>POSTs with no body.</summary>
    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient http, string path) =>
        http.PostAsync(new Uri(path, UriKind.Relative), null);

    /// <summary>Reads the body as a JSON object and checks the status.</summary>
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>A seed-001 style create body for a fresh account.</summary>
    public static JsonObject SeedTask(string? account = null, int interval = 3600) => new()
    {
        ["sys_type"] = "mac_intel",
        ["task_type"] = "xhs_type",
        ["xhs_account_id"] = account ?? "acct-" + Guid.NewGuid().ToString("N")[..10],
        ["xhs_account_name"] = "账号1",
        ["user_query"] = "开始运营",
        ["user_topic"] = "科技",
        ["task_end_time"] = "2099-02-08",
        ["interval"] = interval,
        ["valid_time_range"] = new JsonArray(0, 24),
    };
}
