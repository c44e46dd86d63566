using SspPortal.Application.Common;
using SspPortal.Application.Profiles;

namespace SspPortal.Web.Api.Binding;

/// <summary>The wire schema of a self-service profile request (contract section 2), for POST and PATCH.</summary>
public static class ProfileBinding
{
    private static readonly string[] ProfileFields =
    [
        "name",
        "description",
        "user_attributes",
        "allowed_strategies",
        "branding",
        "user_attribute_profile_id",
    ];

    private static readonly string[] AttributeFields = ["name", "description", "is_optional"];
    private static readonly string[] BrandingFields = ["logo_url", "colors"];
    private static readonly string[] ColorFields = ["primary"];

    public static Result<CreateProfileRequest> Create(RequestBody.Read body) =>
        WireReader.Bind(
            body,
            ProfileFields,
            o => new CreateProfileRequest
            {
                Name = o.String("name"),
                Description = o.String("description"),
                UserAttributes = o.Objects("user_attributes", AttributeFields, ReadAttribute),
                AllowedStrategies = o.Strings("allowed_strategies"),
                Branding = o.Object("branding", BrandingFields, ReadBranding),
                UserAttributeProfileId = o.String("user_attribute_profile_id"),
            }
        );

    /// <summary>PATCH: every field may be absent; <c>null</c> is passed on for the service to clear or refuse.</summary>
    public static Result<UpdateProfileRequest> Update(RequestBody.Read body) =>
        WireReader.Bind(
            body,
            ProfileFields,
            o => new UpdateProfileRequest
            {
                Name = o.Optional("name", p => p.String("name", nullable: true)),
                Description = o.Optional("description", p => p.String("description", nullable: true)),
                UserAttributes = o.Optional(
                    "user_attributes",
                    p => p.Objects("user_attributes", AttributeFields, ReadAttribute, nullable: true)
                ),
                AllowedStrategies = o.Optional("allowed_strategies", p => p.Strings("allowed_strategies", nullable: true)),
                Branding = o.Optional("branding", p => p.Object("branding", BrandingFields, ReadBranding, nullable: true)),
                UserAttributeProfileId = o.Optional(
                    "user_attribute_profile_id",
                    p => p.String("user_attribute_profile_id", nullable: true)
                ),
            }
        );

    private static UserAttributeInput ReadAttribute(WireObject o) =>
        new(o.String("name"), o.String("description"), o.Bool("is_optional"));

    private static BrandingInput ReadBranding(WireObject o) =>
        new(o.String("logo_url"), o.Object("colors", ColorFields, c => new BrandingColorsInput(c.String("primary"))));
}
