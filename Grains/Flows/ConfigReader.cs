using System.Text.Json;

namespace Actors.Grains.Flows;

/// <summary>Reads a node's executor settings out of its config object, reporting values of the wrong JSON kind.</summary>
internal sealed class ConfigReader(JsonElement config, string prefix, List<FieldError> errors)
{
    public string? String(string name) => Read(name, JsonValueKind.String, "a string", e => e.GetString());

    public int? Int(string name) => Read<int?>(name, JsonValueKind.Number, "a whole number", e => e.TryGetInt32(out var n) ? n : Fail<int?>(name, "a whole number", e));

    public double? Number(string name) => Read<double?>(name, JsonValueKind.Number, "a number", e => e.GetDouble());

    public Dictionary<string, string>? Strings(string name) => Read(name, JsonValueKind.Object, "an object of strings",
        e => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase));

    public AgentTargetRequest Agent()
    {
        string? shell = null;
        string[]? command = null;
        if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("command", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind == JsonValueKind.String)
            {
                shell = c.GetString();
            }
            else
            {
                command = StringArray(c) ?? Fail<string[]?>("command", "an array of strings (program and arguments) or one shell string", c);
            }
        }

        var labels = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("labels", out var l) && l.ValueKind != JsonValueKind.Null
            ? StringArray(l) ?? Fail<string[]?>("labels", "an array of strings", l)
            : null;
        var env = Strings("env");
        return new AgentTargetRequest { Command = command, Shell = shell, Labels = labels, Env = env, WorkingDir = String("working_dir") };
    }

    private T? Read<T>(string name, JsonValueKind kind, string what, Func<JsonElement, T> read)
    {
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == kind ? read(value) : Fail<T>(name, what, value);
    }

    private T? Fail<T>(string name, string what, JsonElement value)
    {
        errors.Add(new($"{prefix}.{name}", $"config.{name} must be {what}; got {value.GetRawText()}."));
        return default;
    }

    private static string[]? StringArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. value.EnumerateArray().Select(e => e.GetString()!)]
            : null;
}
