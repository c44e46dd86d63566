using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SspPortal.Application.Common;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.Api;

/// <summary>The contract's error body. Its keys are camelCase, unlike everything else on the wire.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errorCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorCode = null
);

/// <summary>A self-service profile on the wire; the property order is the contract's key order.</summary>
public sealed record ProfileResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonPropertyName("user_attributes")] IReadOnlyList<UserAttributeResponse> UserAttributes,
    [property: JsonPropertyName("allowed_strategies")] IReadOnlyList<string> AllowedStrategies,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("branding"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BrandingResponse? Branding,
    [property: JsonPropertyName("user_attribute_profile_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        string? UserAttributeProfileId
)
{
    public static ProfileResponse From(SelfServiceProfileDto profile) =>
        new(
            profile.Id,
            profile.Name,
            profile.Description,
            [.. profile.UserAttributes.Select(a => new UserAttributeResponse(a.Name, a.Description, a.IsOptional))],
            profile.AllowedStrategies,
            Timestamps.Format(profile.CreatedAt),
            Timestamps.Format(profile.UpdatedAt),
            BrandingResponse.From(profile.Branding),
            profile.UserAttributeProfileId
        );
}

public sealed record UserAttributeResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("is_optional")] bool IsOptional
);

public sealed record BrandingResponse(
    [property: JsonPropertyName("logo_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LogoUrl,
    [property: JsonPropertyName("colors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BrandingColorsResponse? Colors
)
{
    public static BrandingResponse? From(BrandingDto? branding) =>
        branding is null
            ? null
            : new(branding.LogoUrl, branding.Colors is null ? null : new BrandingColorsResponse(branding.Colors.Primary));
}

public sealed record BrandingColorsResponse([property: JsonPropertyName("primary")] string Primary);

/// <summary>The list with <c>include_totals=true</c>.</summary>
public sealed record ProfilePageResponse(
    [property: JsonPropertyName("self_service_profiles")] IReadOnlyList<ProfileResponse> SelfServiceProfiles,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("total")] int Total
);

/// <summary>A freshly issued SSO ticket: the URL is returned once.</summary>
public sealed record TicketResponse([property: JsonPropertyName("ticket")] string Ticket);

/// <summary>The empty object <c>{}</c> the revoke endpoint answers with.</summary>
public sealed record EmptyResponse;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never
)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(List<ProfileResponse>))]
[JsonSerializable(typeof(ProfilePageResponse))]
[JsonSerializable(typeof(TicketResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>The serializer settings of the API's responses (source generated; HTML characters are not escaped).</summary>
internal static class ApiJson
{
    public static readonly ApiJsonContext Context = new(
        new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }
    );
}
