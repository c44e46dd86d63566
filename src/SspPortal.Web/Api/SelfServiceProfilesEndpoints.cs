using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Web.Api.Binding;

namespace SspPortal.Web.Api;

/// <summary>Endpoints 1–5 of the contract: list, create, read, update and delete self-service profiles.</summary>
public static class SelfServiceProfilesEndpoints
{
    public const string Path = "/self-service-profiles";

    public static RouteGroupBuilder MapSelfServiceProfilesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Path).WithTags("Self-service profiles");

        group
            .MapGet("/", ListAsync)
            .RequireScope(Scopes.ReadProfiles)
            .WithName("ListSelfServiceProfiles")
            .WithSummary("List the tenant's self-service profiles")
            .WithDescription(
                "Ordered by created_at, then id. Without include_totals the answer is a bare array; with "
                    + "include_totals=true it is {self_service_profiles, start, limit, total}."
            )
            .WithQueryParameter("page", JsonSchemaType.Integer, "Page index, starting at 0 (default 0).")
            .WithQueryParameter("per_page", JsonSchemaType.Integer, "Items per page, 1–100 (default 50).")
            .WithQueryParameter("include_totals", JsonSchemaType.Boolean, "Return the paged object with totals (default false).")
            .Produces<List<ProfileResponse>>(StatusCodes.Status200OK)
            .ProducesApiErrors(StatusCodes.Status400BadRequest);

        group
            .MapPost("/", CreateAsync)
            .RequireScope(Scopes.CreateProfiles)
            .WithName("CreateSelfServiceProfile")
            .WithSummary("Create a self-service profile")
            .AcceptsWire<CreateProfileRequest>()
            .Produces<ProfileResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        group
            .MapGet("/{id}", GetAsync)
            .RequireScope(Scopes.ReadProfiles)
            .WithName("GetSelfServiceProfile")
            .WithSummary("Read a self-service profile")
            .Produces<ProfileResponse>(StatusCodes.Status200OK)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group
            .MapPatch("/{id}", UpdateAsync)
            .RequireScope(Scopes.UpdateProfiles)
            .WithName("UpdateSelfServiceProfile")
            .WithSummary("Update a self-service profile")
            .WithDescription(
                "Absent fields stay as they are; null clears description, branding and user_attribute_profile_id, "
                    + "and stores [] for user_attributes. branding is replaced as a whole. Answers the full profile."
            )
            .AcceptsWire<CreateProfileRequest>()
            .Produces<ProfileResponse>(StatusCodes.Status200OK)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);

        group
            .MapDelete("/{id}", DeleteAsync)
            .RequireScope(Scopes.DeleteProfiles)
            .WithName("DeleteSelfServiceProfile")
            .WithSummary("Delete a self-service profile")
            .WithDescription("Also deletes its custom text and revokes its tickets. 204 also when the profile does not exist.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status400BadRequest);

        return api;
    }

    private static async Task<
        Results<JsonHttpResult<List<ProfileResponse>>, JsonHttpResult<ProfilePageResponse>, JsonHttpResult<ApiError>>
    > ListAsync(HttpContext http, [FromServices] ISelfServiceProfileService profiles, CancellationToken cancellationToken)
    {
        var paging = QueryBinding.Paging(http.Request.Query);
        if (!paging.IsOk)
        {
            return ApiResults.Error(paging);
        }

        var page = paging.Value;
        var result = await profiles.ListAsync(http.GetApiActor(), page, cancellationToken);
        if (!result.IsOk)
        {
            return ApiResults.Error(result);
        }

        var items = result.Value.Items.Select(ProfileResponse.From).ToList();
        if (!page.IncludeTotals)
        {
            return TypedResults.Json(items, ApiJson.Context.ListProfileResponse);
        }

        return TypedResults.Json(
            new ProfilePageResponse(items, page.Skip, page.PerPage, result.Value.Total ?? items.Count),
            ApiJson.Context.ProfilePageResponse
        );
    }

    private static async Task<Results<JsonHttpResult<ProfileResponse>, JsonHttpResult<ApiError>>> CreateAsync(
        HttpContext http,
        [FromServices] ISelfServiceProfileService profiles,
        CancellationToken cancellationToken
    )
    {
        var actor = http.GetApiActor();
        using var body = await RequestBody.ReadAsync(http.Request, cancellationToken);
        if (ApiResults.Refusal(body) is { } refusal)
        {
            return refusal;
        }

        var request = ProfileBinding.Create(body);
        if (!request.IsOk)
        {
            return ApiResults.Error(request);
        }

        var result = await profiles.CreateAsync(actor, request.Value, cancellationToken);
        if (!result.IsOk)
        {
            return ApiResults.Error(result);
        }

        http.Response.Headers.Location = $"{ApiHosting.BasePath}{Path}/{result.Value.Id}";
        return TypedResults.Json(
            ProfileResponse.From(result.Value),
            ApiJson.Context.ProfileResponse,
            statusCode: StatusCodes.Status201Created
        );
    }

    private static async Task<Results<JsonHttpResult<ProfileResponse>, JsonHttpResult<ApiError>>> GetAsync(
        string id,
        HttpContext http,
        [FromServices] ISelfServiceProfileService profiles,
        CancellationToken cancellationToken
    )
    {
        if (ApiResults.InvalidProfileId(id) is { } badId)
        {
            return badId;
        }

        var result = await profiles.GetAsync(http.GetApiActor(), id, cancellationToken);
        return result.IsOk
            ? TypedResults.Json(ProfileResponse.From(result.Value), ApiJson.Context.ProfileResponse)
            : ApiResults.Error(result);
    }

    private static async Task<Results<JsonHttpResult<ProfileResponse>, JsonHttpResult<ApiError>>> UpdateAsync(
        string id,
        HttpContext http,
        [FromServices] ISelfServiceProfileService profiles,
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

        var request = ProfileBinding.Update(body);
        if (!request.IsOk)
        {
            return ApiResults.Error(request);
        }

        var result = await profiles.UpdateAsync(http.GetApiActor(), id, request.Value, cancellationToken);
        return result.IsOk
            ? TypedResults.Json(ProfileResponse.From(result.Value), ApiJson.Context.ProfileResponse)
            : ApiResults.Error(result);
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteAsync(
        string id,
        HttpContext http,
        [FromServices] ISelfServiceProfileService profiles,
        CancellationToken cancellationToken
    )
    {
        if (ApiResults.InvalidProfileId(id) is { } badId)
        {
            return badId;
        }

        var result = await profiles.DeleteAsync(http.GetApiActor(), id, cancellationToken);
        return result.IsOk || result.Status == ResultStatus.NotFound ? TypedResults.NoContent() : ApiResults.Error(result);
    }
}
