using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// The runs that started in one 15-second window, counted per silo address (from the run
/// records' <c>silo</c> field), and how many task histories could not be read for it.
/// </summary>
public sealed record ShareSample(DateTimeOffset At, double AfterAddSeconds, string Phase, int Runs, IReadOnlyDictionary<string, int> BySilo, int Unread)
{
    /// <summary>The share of the window's runs that ran on <paramref name="address"/>, in percent (0 when there were none).</summary>
    public double Share(string address) => Runs == 0 ? 0 : 100.0 * BySilo.GetValueOrDefault(address) / Runs;

    /// <summary>The sample as a flat JSON object: seconds after the add, phase, runs, then percent per silo name.</summary>
    public JsonObject ToJson(IReadOnlyDictionary<string, string> names)
    {
        var json = new JsonObject
        {
            ["after_add_s"] = Math.Round(AfterAddSeconds) + 0.0, // never "-0"
            ["phase"] = Phase,
            ["runs"] = Runs,
        };
        foreach (var address in BySilo.Keys.Order(StringComparer.Ordinal))
        {
            json[names.TryGetValue(address, out var name) && name.Length > 0 ? name : address] = Math.Round(Share(address), 1);
        }

        if (Unread > 0)
        {
            json["unread_histories"] = Unread;
        }

        return json;
    }
}
