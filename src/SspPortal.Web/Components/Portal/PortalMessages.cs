using System.Globalization;
using System.Text.RegularExpressions;
using SspPortal.Application.Common;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Components.Portal;

/// <summary>
/// The shared validators word their failures as the API contract's schema validator does ("String is too long (101
/// chars), maximum 100"). The portal shows the same failures in plain words beside the field; this is the one place
/// that rewords them. A reason it does not know is shown as it is.
/// </summary>
public static partial class PortalMessages
{
    /// <summary>A failure of the profile editor or the create-profile form, in plain words.</summary>
    public static string Profile(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = FieldPath.Parse(error.Path) switch
        {
            [{ Name: "name" }] => "name",
            [{ Name: "description" }] => "description",
            [{ Name: "user_attributes" }, { Name: "name" }] => "attribute name",
            [{ Name: "user_attributes" }, { Name: "description" }] => "attribute description",
            [{ Name: "branding" }, { Name: "logo_url" }] => "logo URL",
            _ => null,
        };

        if (error.Path.StartsWith("branding.colors", StringComparison.Ordinal) && error.Reason.StartsWith("String does not match", StringComparison.Ordinal))
        {
            return "Enter a hex colour such as #3D5AFE or #35F.";
        }

        if (error.Path.StartsWith("allowed_strategies", StringComparison.Ordinal) && ArrayTooShort().IsMatch(error.Reason))
        {
            return "Allow at least one identity provider.";
        }

        if (error.Path == "user_attributes" && ArrayTooLong().Match(error.Reason) is { Success: true } many)
        {
            return $"At most {many.Groups["max"].Value} user attributes are allowed.";
        }

        if (error.Reason.StartsWith("Duplicate user attribute name", StringComparison.Ordinal))
        {
            return "Another attribute already has this name (names are compared without case).";
        }

        return Common(error, field);
    }

    /// <summary>A failure of the issue-ticket form, in plain words.</summary>
    public static string Ticket(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error.Reason;
        if (error.Path == "ttl_sec")
        {
            return AtMost().IsMatch(reason) ? $"A link can be valid for at most {TicketRules.MaxTtlSeconds / 86400} days." : "Enter 0 or more.";
        }

        if (error.Path == "provisioning_config.token_lifetime" && AtLeast().IsMatch(reason))
        {
            return $"A token must live at least {TicketRequestRules.MinTokenLifetime / 60} minutes ({TicketRequestRules.MinTokenLifetime} seconds); leave it empty for no limit.";
        }

        if (NotADomain().Match(reason) is { Success: true } domain)
        {
            return $"“{domain.Groups["value"].Value}” is not a domain name (for example example.com).";
        }

        if (error.Path == "connection_config.name" && reason.StartsWith("String does not match", StringComparison.Ordinal))
        {
            return "Use letters and digits, with single dashes between them (for example acme-okta).";
        }

        if (error.Path.StartsWith("enabled_organizations", StringComparison.Ordinal) && reason.StartsWith("String does not match", StringComparison.Ordinal))
        {
            return "An organization id starts with org_ followed by letters and digits.";
        }

        if (error.Path == "connection_id")
        {
            return reason == TicketRequestRules.ConnectionNotFoundMessage ? "This connection does not exist any more." : "Choose a connection.";
        }

        return reason switch
        {
            TicketRequestRules.EnabledFeaturesEmptyReason => "Choose at least one thing the customer may change.",
            TicketRequestRules.ProvisioningNeedsConfigReason => "Provisioning needs its settings below: turn on “Configure provisioning”.",
            TicketRequestRules.ProvisioningNeedsScopesOrWorkspaceReason => "Choose at least one scope, or Google Workspace sync.",
            TicketRequestRules.GoogleWorkspaceNotAllowedReason => "Google Workspace sync needs a profile that allows Google Workspace.",
            TicketRequestRules.PendingDomainsNeedVerificationReason => "Pending domains need domain verification set to optional or required.",
            TicketRequestRules.DiscoveryNeedsOneOrganizationReason => "Organization discovery needs exactly one organization.",
            TicketRequestRules.DiscoveryNeedsDomainsReason => "Organization discovery needs domain aliases, or domain verification set to optional or required.",
            TicketRequestRules.ConnectionNameTakenMessage => "A connection with this name already exists: choose another name.",
            _ => Common(error, error.Path switch
            {
                "connection_config.name" => "connection name",
                "connection_config.display_name" => "display name",
                _ => null,
            }),
        };
    }

    private static string Common(FieldError error, string? field)
    {
        var reason = error.Reason;
        if (TooShort().Match(reason) is { Success: true } shortText)
        {
            return shortText.Groups["length"].Value == "0" || shortText.Groups["min"].Value == "1"
                ? $"Enter a {field ?? "value"}."
                : $"Use at least {shortText.Groups["min"].Value} characters.";
        }

        if (TooLong().Match(reason) is { Success: true } longText)
        {
            return $"Use at most {longText.Groups["max"].Value} characters (this has {longText.Groups["length"].Value}).";
        }

        if (reason.StartsWith("String is not a valid https URL", StringComparison.Ordinal))
        {
            return "Enter a full address that starts with https://.";
        }

        if (reason.StartsWith("Missing required property", StringComparison.Ordinal))
        {
            return $"Enter a {field ?? "value"}.";
        }

        if (AtMost().Match(reason) is { Success: true } most)
        {
            return $"Enter at most {Number(most.Groups["n"].Value)}.";
        }

        if (AtLeast().Match(reason) is { Success: true } least)
        {
            return $"Enter at least {Number(least.Groups["n"].Value)}.";
        }

        if (reason.StartsWith("String does not match pattern", StringComparison.Ordinal))
        {
            return $"This {field ?? "value"} has characters that are not allowed.";
        }

        if (reason == "Array items are not unique")
        {
            return "Each value may appear only once.";
        }

        return reason;
    }

    private static string Number(string digits) =>
        long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : digits;

    [GeneratedRegex(@"^String is too short \((?<length>\d+) chars\), minimum (?<min>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TooShort();

    [GeneratedRegex(@"^String is too long \((?<length>\d+) chars\), maximum (?<max>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TooLong();

    [GeneratedRegex(@"^Array is too short", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayTooShort();

    [GeneratedRegex(@"^Array is too long \(\d+\), maximum (?<max>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayTooLong();

    [GeneratedRegex(@"^Value must be at most (?<n>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^Value must be at least (?<n>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex AtLeast();

    [GeneratedRegex("^String is not a valid domain name: \"(?<value>.*)\"$", RegexOptions.CultureInvariant)]
    private static partial Regex NotADomain();
}
