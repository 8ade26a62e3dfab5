using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>An API answer that may be a failure: <see cref="Status"/> is 0 when no HTTP answer came (refused, reset, timed out).</summary>
public sealed record ApiAnswer(int Status, JsonNode? Body)
{
    /// <summary>Whether it was a 200.</summary>
    public bool Ok => Status == 200;
}
