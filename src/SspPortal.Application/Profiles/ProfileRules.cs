using System.Text.RegularExpressions;

namespace SspPortal.Application.Profiles;

/// <summary>The limits and messages of contract section 2, in one place.</summary>
public static partial class ProfileRules
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 140;
    public const int UserAttributeFieldMaxLength = 255;
    public const int MaxUserAttributes = 20;
    public const int LogoUrlMaxLength = 1024;
    public const int UserAttributeProfileIdMaxLength = 64;

    public const string ColorPattern = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";
    public const string UserAttributeProfileIdPattern = "^uap_[A-Za-z0-9]+$";

    public const string LimitReachedMessage = "No more profiles can be created for this tenant.";
    public const string ConcurrencyConflictMessage = "Someone else changed this profile. Reload to see their changes.";
    public const string UserAttributesExclusiveReason = "Cannot be combined with a non-empty user_attributes";

    public static string NotFoundMessage(string id) => $"Profile with ID: {id} not found";

    public static string DuplicateAttributeReason(string name) => $"Duplicate user attribute name (names are case-insensitive): \"{name}\"";

    [GeneratedRegex(ColorPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Color();

    [GeneratedRegex(UserAttributeProfileIdPattern, RegexOptions.CultureInvariant)]
    public static partial Regex UserAttributeProfileId();
}
