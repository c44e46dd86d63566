using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SspPortal.Application.Common;
using SspPortal.Application.Connections;
using SspPortal.Web.Api.Binding;

namespace SspPortal.Web.Api;

/// <summary>
/// GET /connections and GET /connections/{id}: what the setup flow created, Auth0-shaped, for downstream sign-in
/// systems. <c>read:connections</c>; the client secret only with <c>read:connection_secrets</c> as well.
/// </summary>
public static class ConnectionsEndpoints
{
    public const string Path = "/connections";

    public static RouteGroupBuilder MapConnectionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Path).WithTags("Connections");
        group
            .MapGet("/", ListAsync)
            .RequireScope(Scopes.ReadConnections)
            .WithName("ListConnections")
            .WithSummary("List the tenant's connections")
            .WithDescription(
                "Connections configured through the setup flow, ordered by creation. Filters: strategy, name. Without "
                    + "include_totals a bare array; with include_totals=true {connections, start, limit, total}."
            )
            .WithQueryParameter("strategy", JsonSchemaType.String, "Only connections of this strategy.")
            .WithQueryParameter("name", JsonSchemaType.String, "Only the connection with this name.")
            .WithQueryParameter("page", JsonSchemaType.Integer, "Page index, starting at 0 (default 0).")
            .WithQueryParameter("per_page", JsonSchemaType.Integer, "Items per page, 1–100 (default 50).")
            .WithQueryParameter("include_totals", JsonSchemaType.Boolean, "Return the paged object with totals (default false).")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/json")
            .ProducesApiErrors(StatusCodes.Status400BadRequest);
        group
            .MapGet("/{id}", GetAsync)
            .RequireScope(Scopes.ReadConnections)
            .WithName("GetConnection")
            .WithSummary("Read a connection")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/json")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<ContentHttpResult, JsonHttpResult<ApiError>>> ListAsync(
        HttpContext http,
        [FromServices] IConnectionService connections,
        CancellationToken cancellationToken
    )
    {
        var paging = QueryBinding.Paging(http.Request.Query);
        if (!paging.IsOk)
        {
            return ApiResults.Error(paging);
        }

        var query = http.Request.Query;
        var strategy = query.TryGetValue("strategy", out var s) ? s.ToString() : null;
        var name = query.TryGetValue("name", out var n) ? n.ToString() : null;
        var result = await connections.ListAsync(http.GetApiActor(), new ConnectionQuery(strategy, name, paging.Value), cancellationToken);
        if (!result.IsOk)
        {
            return ApiResults.Error(result);
        }

        var items = new JsonArray([.. result.Value.Items.Select(ToWire)]);
        JsonNode body = paging.Value.IncludeTotals
            ? new JsonObject
            {
                ["connections"] = items,
                ["start"] = result.Value.Start,
                ["limit"] = result.Value.Limit,
                ["total"] = result.Value.Total ?? items.Count,
            }
            : items;
        return Json(body);
    }

    private static async Task<Results<ContentHttpResult, JsonHttpResult<ApiError>>> GetAsync(
        string id,
        HttpContext http,
        [FromServices] IConnectionService connections,
        CancellationToken cancellationToken
    )
    {
        var result = await connections.GetAsync(http.GetApiActor(), id, cancellationToken);
        return result.IsOk ? Json(ToWire(result.Value)) : ApiResults.Error(result);
    }

    /// <summary>The Auth0 connection shape: id, name, display_name, strategy, options, enabled_clients, is_domain_connection, show_as_button, metadata, realms.</summary>
    internal static JsonObject ToWire(ConnectionDto connection)
    {
        var wire = new JsonObject
        {
            ["id"] = connection.Id,
            ["name"] = connection.Name,
        };
        if (connection.DisplayName is not null)
        {
            wire["display_name"] = connection.DisplayName;
        }

        wire["strategy"] = connection.Strategy;
        wire["options"] = JsonNode.Parse(connection.OptionsJson) ?? new JsonObject();
        wire["enabled_clients"] = new JsonArray([.. connection.EnabledClients.Select(c => (JsonNode?)JsonValue.Create(c))]);
        wire["is_domain_connection"] = connection.IsDomainConnection;
        wire["show_as_button"] = connection.ShowAsButton;
        var metadata = new JsonObject();
        foreach (var (key, value) in connection.Metadata)
        {
            metadata[key] = value;
        }

        wire["metadata"] = metadata;
        wire["realms"] = new JsonArray(JsonValue.Create(connection.Name));
        return wire;
    }

    private static ContentHttpResult Json(JsonNode body) => TypedResults.Content(body.ToJsonString(), "application/json", statusCode: StatusCodes.Status200OK);
}
