using System.Text.Json;
using System.Text.Json.Nodes;

namespace SspPortal.Web.Components.Pages.Connections;

/// <summary>One stored option of a connection as the connection page lists it.</summary>
public sealed record ConnectionOptionRow(string Name, string Value);

/// <summary>
/// Turns a connection's stored options (a JSON object, its client secret already left out by the service) into rows
/// people can read: a secret shows only as "set", the signing certificate by its summary in the Health section.
/// </summary>
public static class ConnectionOptionRows
{
    public const string SecretSet = "set";

    public static IReadOnlyList<ConnectionOptionRow> From(string optionsJson, bool hasClientSecret)
    {
        var options = Parse(optionsJson) as JsonObject ?? [];
        var rows = new List<ConnectionOptionRow>();
        foreach (var (name, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (name is "client_secret")
            {
                continue;
            }

            rows.Add(new ConnectionOptionRow(name, name is "signingCert" ? "stored (see Health)" : Show(value)));
        }

        if (hasClientSecret)
        {
            rows.Add(new ConnectionOptionRow("client_secret", SecretSet));
            rows.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        return rows;
    }

    /// <summary>Enabled organizations (<c>[{organization_id, …}]</c>) as a short list of their ids.</summary>
    public static string Organizations(string json)
    {
        var ids = (Parse(json) as JsonArray ?? [])
            .Select(o => o?["organization_id"]?.GetValue<string>())
            .Where(id => !string.IsNullOrEmpty(id))
            .ToList();
        return ids.Count == 0 ? "—" : string.Join(", ", ids);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Show(JsonNode? value) =>
        value switch
        {
            null => "—",
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "Yes" : "No",
            JsonArray array when array.All(i => i is JsonValue item && item.TryGetValue<string>(out _)) =>
                array.Count == 0 ? "—" : string.Join(", ", array.Select(i => i!.GetValue<string>())),
            _ => value.ToJsonString(),
        };
}
