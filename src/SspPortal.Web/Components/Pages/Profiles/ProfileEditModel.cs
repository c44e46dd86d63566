using System.Text.Json;
using Microsoft.AspNetCore.Components.Forms;
using SspPortal.Application.Profiles;
using SspPortal.Web.Components.Portal;

namespace SspPortal.Web.Components.Pages.Profiles;

/// <summary>A profile while it is edited: general fields, strategies, attributes and branding.</summary>
public sealed class ProfileEditModel
{
    /// <summary>Field names for errors that belong to a whole section rather than to one input.</summary>
    public const string StrategiesField = "AllowedStrategies";
    public const string AttributesField = "UserAttributes";
    public const string BrandingField = "Branding";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public HashSet<string> Strategies { get; } = new(StringComparer.Ordinal);

    public List<UserAttributeRow> Attributes { get; } = [];

    public string? LogoUrl { get; set; }

    public string? PrimaryColor { get; set; }

    public static ProfileEditModel From(SelfServiceProfileDto profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var model = new ProfileEditModel
        {
            Name = profile.Name,
            Description = profile.Description,
            LogoUrl = profile.Branding?.LogoUrl,
            PrimaryColor = profile.Branding?.Colors?.Primary,
        };
        model.Strategies.UnionWith(profile.AllowedStrategies);
        model.Attributes.AddRange(
            profile.UserAttributes.Select(a => new UserAttributeRow
            {
                Name = a.Name,
                Description = a.Description,
                Required = !a.IsOptional,
            })
        );
        return model;
    }

    /// <summary>The PATCH the editor sends: every section it shows, and the version it started from.</summary>
    public UpdateProfileRequest ToRequest(Guid expectedVersion) =>
        new()
        {
            // Trimmed: a name of only spaces becomes empty, which the shared rule refuses ("Enter a name.").
            Name = Name.Trim(),
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            AllowedStrategies = Application.Profiles.Strategies.Names.Where(Strategies.Contains).Cast<string?>().ToList(),
            UserAttributes = Attributes
                .Select(a => (UserAttributeInput?)new UserAttributeInput(a.Name.Trim(), a.Description.Trim(), !a.Required))
                .ToList(),
            Branding = ToBranding(),
            ExpectedVersion = expectedVersion,
        };

    private BrandingInput? ToBranding()
    {
        var logo = string.IsNullOrWhiteSpace(LogoUrl) ? null : LogoUrl.Trim();
        var color = string.IsNullOrWhiteSpace(PrimaryColor) ? null : PrimaryColor.Trim();
        return logo is null && color is null ? null : new BrandingInput(logo, color is null ? null : new BrandingColorsInput(color));
    }

    /// <summary>A fingerprint of everything editable, to tell whether there are unsaved changes.</summary>
    public string Snapshot() =>
        JsonSerializer.Serialize(
            new
            {
                Name,
                Description = Description ?? "",
                Strategies = Strategies.Order(StringComparer.Ordinal).ToArray(),
                Attributes = Attributes.Select(a => new[] { a.Name, a.Description, a.Required ? "1" : "0" }).ToArray(),
                LogoUrl = LogoUrl ?? "",
                PrimaryColor = PrimaryColor ?? "",
            }
        );

    /// <summary>The form field a service error path points at, or null.</summary>
    public FieldIdentifier? MapPath(string path) =>
        FieldPath.Parse(path) switch
        {
            [{ Name: "name" }] => new FieldIdentifier(this, nameof(Name)),
            [{ Name: "description" }] => new FieldIdentifier(this, nameof(Description)),
            [{ Name: "allowed_strategies" }, ..] => new FieldIdentifier(this, StrategiesField),
            [{ Name: "user_attribute_profile_id" }] => new FieldIdentifier(this, AttributesField),
            [{ Name: "user_attributes", Index: null }] => new FieldIdentifier(this, AttributesField),
            [{ Name: "user_attributes", Index: { } i }, .. var rest] when i >= 0 && i < Attributes.Count => rest switch
            {
                [{ Name: "description" }] => new FieldIdentifier(Attributes[i], nameof(UserAttributeRow.Description)),
                [{ Name: "is_optional" }] => new FieldIdentifier(Attributes[i], nameof(UserAttributeRow.Required)),
                _ => new FieldIdentifier(Attributes[i], nameof(UserAttributeRow.Name)),
            },
            [{ Name: "user_attributes" }, ..] => new FieldIdentifier(this, AttributesField),
            [{ Name: "branding" }, { Name: "logo_url" }] => new FieldIdentifier(this, nameof(LogoUrl)),
            [{ Name: "branding" }, { Name: "colors" }, ..] => new FieldIdentifier(this, nameof(PrimaryColor)),
            [{ Name: "branding" }, ..] => new FieldIdentifier(this, BrandingField),
            _ => null,
        };
}
