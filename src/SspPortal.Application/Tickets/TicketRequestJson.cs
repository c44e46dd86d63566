using System.Text.Json;
using System.Text.Json.Serialization;

namespace SspPortal.Application.Tickets;

/// <summary>
/// The wire shape (snake_case) of a ticket request, as stored in <see cref="SsoTicket.RequestJson"/>. The flow reads a
/// ticket's request back with <see cref="Deserialize"/>.
/// </summary>
public static class TicketRequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
    };

    public static string Serialize(IssueTicketRequest request) => JsonSerializer.Serialize(request, Options);

    public static IssueTicketRequest Deserialize(string json) =>
        JsonSerializer.Deserialize<IssueTicketRequest>(json, Options) ?? throw new JsonException("A ticket request cannot be null.");
}
