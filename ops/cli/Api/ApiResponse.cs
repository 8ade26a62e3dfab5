using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Cli.Api;

/// <summary>What the server answered: the status code and the body as sent.</summary>
public sealed record ApiResponse(int StatusCode, string Body)
{
    /// <summary>A 2xx answer.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The body as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(Body);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
