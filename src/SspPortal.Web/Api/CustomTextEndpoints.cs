using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SspPortal.Application.Common;
using SspPortal.Application.CustomTexts;
using SspPortal.Web.Api.Binding;

namespace SspPortal.Web.Api;

/// <summary>Endpoints 6–7 of the contract: a profile's custom text per language and page.</summary>
public static class CustomTextEndpoints
{
    public static RouteGroupBuilder MapCustomTextApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(SelfServiceProfilesEndpoints.Path + "/{id}/custom-text/{language}/{page}").WithTags("Custom text");

        group
            .MapGet("/", GetAsync)
            .RequireScope(Scopes.ReadCustomTexts)
            .WithName("GetSelfServiceProfileCustomText")
            .WithSummary("Read a profile's custom text for one language and page")
            .WithDescription("Answers {} when nothing is stored.")
            .Produces<Dictionary<string, string>>(StatusCodes.Status200OK)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group
            .MapPut("/", SetAsync)
            .RequireScope(Scopes.UpdateCustomTexts)
            .WithName("SetSelfServiceProfileCustomText")
            .WithSummary("Replace a profile's custom text for one language and page")
            .WithDescription("Replaces the whole map and answers it; {} resets the page to the built-in text.")
            .AcceptsWire<Dictionary<string, string>>()
            .Produces<Dictionary<string, string>>(StatusCodes.Status200OK)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);

        return api;
    }

    private static async Task<Results<JsonHttpResult<Dictionary<string, string>>, JsonHttpResult<ApiError>>> GetAsync(
        string id,
        string language,
        string page,
        HttpContext http,
        [FromServices] ICustomTextService customTexts,
        CancellationToken cancellationToken
    )
    {
        if (ApiResults.InvalidProfileId(id) is { } badId)
        {
            return badId;
        }

        var result = await customTexts.GetAsync(http.GetApiActor(), id, language, page, cancellationToken);
        return result.IsOk ? Map(result.Value) : ApiResults.Error(result);
    }

    private static async Task<Results<JsonHttpResult<Dictionary<string, string>>, JsonHttpResult<ApiError>>> SetAsync(
        string id,
        string language,
        string page,
        HttpContext http,
        [FromServices] ICustomTextService customTexts,
        CancellationToken cancellationToken
    )
    {
        // Scope and path values first, as for every other endpoint; the body only after them.
        var actor = http.GetApiActor();
        var allowed = customTexts.CheckSet(actor, id, language, page);
        if (!allowed.IsOk)
        {
            return ApiResults.Error(allowed);
        }

        using var body = await RequestBody.ReadAsync(http.Request, cancellationToken);
        if (ApiResults.Refusal(body) is { } refusal)
        {
            return refusal;
        }

        var entries = CustomTextBinding.Entries(body);
        if (!entries.IsOk)
        {
            return ApiResults.Error(entries);
        }

        var result = await customTexts.SetAsync(actor, id, language, page, entries.Value, cancellationToken);
        return result.IsOk ? Map(result.Value) : ApiResults.Error(result);
    }

    private static JsonHttpResult<Dictionary<string, string>> Map(IReadOnlyDictionary<string, string> entries) =>
        TypedResults.Json(new Dictionary<string, string>(entries, StringComparer.Ordinal), ApiJson.Context.DictionaryStringString);
}
