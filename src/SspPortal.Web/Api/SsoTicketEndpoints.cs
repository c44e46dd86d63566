using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SspPortal.Application.Common;
using SspPortal.Application.Tickets;
using SspPortal.Web.Api.Binding;

namespace SspPortal.Web.Api;

/// <summary>Endpoints 8–9 of the contract: issue and revoke SSO tickets.</summary>
public static class SsoTicketEndpoints
{
    public const string CustomDomainHeader = "auth0-custom-domain";

    public static RouteGroupBuilder MapSsoTicketApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(SelfServiceProfilesEndpoints.Path).WithTags("SSO tickets");

        group
            .MapPost("/{id}/sso-ticket", IssueAsync)
            .RequireScope(Scopes.CreateTickets)
            .WithName("CreateSsoTicket")
            .WithSummary("Issue an SSO ticket for a profile")
            .WithDescription(
                "Answers the ticket URL once; it cannot be read back. The auth0-custom-domain header picks one of the "
                    + "tenant's custom domains as the URL's host."
            )
            .WithHeaderParameter(CustomDomainHeader, "One of the tenant's custom domains (3–255 characters).")
            .AcceptsWire<IssueTicketRequest>()
            .Produces<TicketResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge
            );

        group
            .MapPost("/{profileId}/sso-ticket/{id}/revoke", RevokeAsync)
            .RequireScope(Scopes.DeleteTickets)
            .WithName("RevokeSsoTicket")
            .WithSummary("Revoke an SSO ticket")
            .WithDescription("The ticket stops working at once. Answers 202 {} also for an unknown ticket; any body is ignored.")
            .Produces<EmptyResponse>(StatusCodes.Status202Accepted)
            .ProducesApiErrors(StatusCodes.Status400BadRequest);

        return api;
    }

    private static async Task<Results<JsonHttpResult<TicketResponse>, JsonHttpResult<ApiError>>> IssueAsync(
        string id,
        HttpContext http,
        [FromServices] ISsoTicketService tickets,
        CancellationToken cancellationToken
    )
    {
        if (ApiResults.InvalidProfileId(id) is { } badId)
        {
            return badId;
        }

        using var body = await RequestBody.ReadAsync(http.Request, cancellationToken);
        if (ApiResults.Refusal(body) is { } refusal)
        {
            return refusal;
        }

        var request = TicketBinding.Issue(body);
        if (!request.IsOk)
        {
            return ApiResults.Error(request);
        }

        string? customDomain = http.Request.Headers.TryGetValue(CustomDomainHeader, out var header) ? header.ToString() : null;
        var result = await tickets.IssueAsync(http.GetApiActor(), id, request.Value, customDomain, cancellationToken);
        return result.IsOk
            ? TypedResults.Json(
                new TicketResponse(result.Value.Url),
                ApiJson.Context.TicketResponse,
                statusCode: StatusCodes.Status201Created
            )
            : ApiResults.Error(result);
    }

    private static async Task<Results<JsonHttpResult<EmptyResponse>, JsonHttpResult<ApiError>>> RevokeAsync(
        string profileId,
        string id,
        HttpContext http,
        [FromServices] ISsoTicketService tickets,
        CancellationToken cancellationToken
    )
    {
        if (ApiResults.InvalidProfileId(profileId, "profileId") is { } badId)
        {
            return badId;
        }

        var result = await tickets.RevokeAsync(http.GetApiActor(), profileId, id, cancellationToken);
        return result.IsOk || result.Status is ResultStatus.NotFound or ResultStatus.Invalid
            ? TypedResults.Json(new EmptyResponse(), ApiJson.Context.EmptyResponse, statusCode: StatusCodes.Status202Accepted)
            : ApiResults.Error(result);
    }
}
