using System.Text.RegularExpressions;

namespace SspPortal.Application.Tickets;

/// <summary>The limits, enums and messages of contract section 4 (ticket requests), in one place.</summary>
public static partial class TicketRequestRules
{
    public const int ConnectionNameMaxLength = 128;
    public const int DisplayNameMaxLength = 128;
    public const int MetadataMaxKeys = 10;
    public const int MetadataValueMaxLength = 255;
    public const int DomainMaxLength = 255;
    public const int AuthorizeQueryMaxLength = 256;
    public const int OrganizationIdMaxLength = 50;
    public const int MinTokenLifetime = 900;
    public const int CustomDomainMinLength = 3;
    public const int CustomDomainMaxLength = 255;

    public const string ConnectionNamePattern = "^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$";
    public const string ConnectionIdPattern = "^con_[1-9A-HJ-NP-Za-km-z]{16}$";
    public const string OrganizationIdPattern = "^org_[A-Za-z0-9]+$";

    public static readonly IReadOnlyList<string> ClientProtocols = ["samlp", "wsfed", "oauth2"];
    public static readonly IReadOnlyList<string> DomainVerifications = ["none", "optional", "required"];

    public static readonly IReadOnlyList<string> ProvisioningScopes =
    [
        "get:users",
        "post:users",
        "put:users",
        "patch:users",
        "delete:users",
        "get:groups",
        "post:groups",
        "put:groups",
        "patch:groups",
        "delete:groups",
    ];

    public const string ConnectionNotFoundMessage = "Connection not found";
    public const string ConnectionNameTakenMessage = "A connection with this name already exists.";
    public const string ConnectionChoiceReason = "Cannot be combined with connection_id";
    public const string EnabledFeaturesNeedConnectionReason = "Only allowed together with connection_id";
    public const string EnabledFeaturesEmptyReason = "Too few properties defined (0), minimum 1";
    public const string ProvisioningNeedsConfigReason = "Requires provisioning_config";
    public const string ProvisioningNeedsScopesOrWorkspaceReason = "At least one of scopes or google_workspace is required";
    public const string GoogleWorkspaceNotAllowedReason = "Only allowed when the profile allows the google-apps strategy";
    public const string PendingDomainsNeedVerificationReason = "Only allowed when domain_verification is optional or required";
    public const string DiscoveryNeedsOneOrganizationReason = "Requires exactly one enabled organization";
    public const string DiscoveryNeedsDomainsReason = "Requires domain aliases or domain_verification optional or required";

    public static string NotADomainReason(string value) => $"String is not a valid domain name: \"{value}\"";

    public static string TooManyPropertiesReason(int count, int maximum) => $"Too many properties defined ({count}), maximum {maximum}";

    public static string UnknownCustomDomainMessage(string domain) => $"The custom domain \"{domain}\" is not configured for this tenant.";

    public static string CustomDomainLengthMessage(int length) =>
        $"The auth0-custom-domain header must be {CustomDomainMinLength} to {CustomDomainMaxLength} characters long (got {length}).";

    public static bool IsDomain(string value) => value.Length <= DomainMaxLength && Domain().IsMatch(value);

    [GeneratedRegex(ConnectionNamePattern, RegexOptions.CultureInvariant)]
    public static partial Regex ConnectionName();

    [GeneratedRegex(OrganizationIdPattern, RegexOptions.CultureInvariant)]
    public static partial Regex OrganizationId();

    [GeneratedRegex(
        @"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Domain();
}
