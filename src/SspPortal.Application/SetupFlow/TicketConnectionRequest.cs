using System.Text.Json;
using System.Text.Json.Nodes;

namespace SspPortal.Application.SetupFlow;

/// <summary>
/// The parts of a ticket's stored request (<c>SsoTicket.RequestJson</c>, the wire shape) that shape the connection
/// the flow creates. Tolerant: a part that is missing or of another shape is simply not applied.
/// </summary>
public sealed record TicketConnectionRequest(
    string? Name,
    string? DisplayName,
    bool? IsDomainConnection,
    bool? ShowAsButton,
    IReadOnlyDictionary<string, string?>? Metadata,
    string? IconUrl,
    IReadOnlyList<string> DomainAliases,
    JsonObject? IdpInitiated,
    IReadOnlyList<string> EnabledClients,
    JsonArray EnabledOrganizations
)
{
    public static TicketConnectionRequest Parse(string? requestJson)
    {
        JsonObject? root = null;
        try
        {
            root = string.IsNullOrWhiteSpace(requestJson) ? null : JsonNode.Parse(requestJson) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        var config = Child(root, "connection_config") as JsonObject;
        var options = Child(config, "options") as JsonObject;
        var organizations = new JsonArray();
        if (Child(root, "enabled_organizations") is JsonArray orgs)
        {
            foreach (var org in orgs.OfType<JsonObject>())
            {
                if (String(org, "organization_id") is not { } orgId)
                {
                    continue;
                }

                organizations.Add(
                    new JsonObject
                    {
                        ["organization_id"] = orgId,
                        ["assign_membership_on_login"] = Bool(org, "assign_membership_on_login") ?? false,
                        ["show_as_button"] = Bool(org, "show_as_button") ?? true,
                    }
                );
            }
        }

        Dictionary<string, string?>? metadata = null;
        if (Child(config, "metadata") is JsonObject meta)
        {
            metadata = meta.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
        }

        return new TicketConnectionRequest(
            String(config, "name"),
            String(config, "display_name"),
            Bool(config, "is_domain_connection"),
            Bool(config, "show_as_button"),
            metadata,
            String(options, "icon_url"),
            Strings(Child(options, "domain_aliases")),
            Child(options, "idpinitiated")?.DeepClone() as JsonObject,
            Strings(Child(root, "enabled_clients")),
            organizations
        );
    }

    private static JsonNode? Child(JsonObject? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var property in parent)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(property.Key, name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonObject? parent, string name) =>
        Child(parent, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Bool(JsonObject? parent, string name) =>
        Child(parent, name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];
}
