using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;

namespace SspPortal.Infrastructure.Tenants;

/// <summary>What makes a tenant id, a domain and a tenant request valid, and how they are normalised.</summary>
public static partial class TenantRules
{
    public const int MaxIdLength = 64;
    public const int MaxDisplayNameLength = 200;
    public const int MaxDomainLength = 255;
    public const int MinCustomDomainLength = 3;
    public const int MinMaxProfiles = 1;
    public const int MaxMaxProfiles = 20;
    public const int MaxLoginCallbackUrlLength = 1024;
    public const int MaxEntityIdTemplateLength = 300;
    public const string ConnectionPlaceholder = "{connection}";

    /// <summary>Checks a request and returns its normalised form (trimmed, lower-case hosts, display name defaulted to the id).</summary>
    public static Result<AddTenantRequest> Normalize(AddTenantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();

        var id = request.Id?.Trim() ?? string.Empty;
        if (!IsValidId(id))
        {
            errors.Add(
                new FieldError(
                    "id",
                    $"The tenant id must be 1-{MaxIdLength} characters of lower-case letters, digits and dashes, starting and ending with a letter or digit (e.g. acme)."
                )
            );
        }

        var domain = request.Domain?.Trim().ToLowerInvariant() ?? string.Empty;
        if (DomainProblem(domain, minLength: 1) is { } domainProblem)
        {
            errors.Add(new FieldError("domain", domainProblem));
        }

        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? id : request.DisplayName.Trim();
        if (displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new FieldError("display_name", $"The display name must be at most {MaxDisplayNameLength} characters."));
        }

        var customDomains = new List<string>();
        var given = request.CustomDomains ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var path = $"custom_domains[{i}]";
            var custom = given[i]?.Trim().ToLowerInvariant() ?? string.Empty;
            if (DomainProblem(custom, MinCustomDomainLength) is { } problem)
            {
                errors.Add(new FieldError(path, problem));
            }
            else if (custom == domain)
            {
                errors.Add(new FieldError(path, $"'{custom}' is already the tenant's domain; a custom domain must be another host."));
            }
            else if (customDomains.Contains(custom))
            {
                errors.Add(new FieldError(path, $"'{custom}' is listed more than once."));
            }
            else
            {
                customDomains.Add(custom);
            }
        }

        if (request.MaxProfiles is { } max && (max < MinMaxProfiles || max > MaxMaxProfiles))
        {
            errors.Add(new FieldError("max_profiles", $"The profile limit must be between {MinMaxProfiles} and {MaxMaxProfiles}."));
        }

        string? entraTenantId = null;
        if (!string.IsNullOrWhiteSpace(request.EntraTenantId))
        {
            if (Guid.TryParseExact(request.EntraTenantId.Trim(), "D", out var tid))
            {
                entraTenantId = tid.ToString("D");
            }
            else
            {
                errors.Add(
                    new FieldError(
                        "entra_tenant_id",
                        $"'{request.EntraTenantId}' is not an Entra tenant id: a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47."
                    )
                );
            }
        }

        var loginCallbackUrl = string.IsNullOrWhiteSpace(request.LoginCallbackUrl) ? null : request.LoginCallbackUrl.Trim();
        if (loginCallbackUrl is not null && LoginCallbackUrlProblem(loginCallbackUrl) is { } callbackProblem)
        {
            errors.Add(new FieldError("login_callback_url", callbackProblem));
        }

        var entityIdTemplate = string.IsNullOrWhiteSpace(request.EntityIdTemplate) ? null : request.EntityIdTemplate.Trim();
        if (entityIdTemplate is not null && EntityIdTemplateProblem(entityIdTemplate) is { } templateProblem)
        {
            errors.Add(new FieldError("entity_id_template", templateProblem));
        }

        return errors.Count > 0
            ? Result.Invalid(errors).As<AddTenantRequest>()
            : new AddTenantRequest(
                id,
                domain,
                displayName,
                customDomains,
                request.MaxProfiles,
                entraTenantId,
                loginCallbackUrl,
                entityIdTemplate
            );
    }

    /// <summary>
    /// Null when <paramref name="value"/> names the connection once with <c>{connection}</c> and, filled in, is an
    /// absolute URI (a URN such as <c>urn:acme:{connection}</c> or a URL); otherwise why not.
    /// </summary>
    public static string? EntityIdTemplateProblem(string value)
    {
        if (value.Length > MaxEntityIdTemplateLength)
        {
            return $"The entity id template must be at most {MaxEntityIdTemplateLength} characters.";
        }

        var first = value.IndexOf(ConnectionPlaceholder, StringComparison.Ordinal);
        if (first < 0 || value.IndexOf(ConnectionPlaceholder, first + 1, StringComparison.Ordinal) >= 0)
        {
            return $"'{value}' must contain {ConnectionPlaceholder} exactly once, e.g. urn:acme:{ConnectionPlaceholder}.";
        }

        var sample = value.Replace(ConnectionPlaceholder, "sample-connection", StringComparison.Ordinal);
        if (sample.IndexOfAny(['{', '}']) >= 0)
        {
            return $"'{value}' uses a placeholder the setup flow does not fill in: only {ConnectionPlaceholder} is replaced (by the connection's name).";
        }

        return sample.Any(char.IsWhiteSpace) || !Uri.TryCreate(sample, UriKind.Absolute, out _)
            ? $"'{value}' is not an absolute URI once {ConnectionPlaceholder} is filled in (e.g. urn:acme:{ConnectionPlaceholder} or https://login.acme.com/{ConnectionPlaceholder})."
            : null;
    }

    /// <summary>
    /// Null when <paramref name="value"/> is an absolute https URL without a fragment (plain http only for a loopback
    /// host, for local sign-in systems); otherwise why not.
    /// </summary>
    public static string? LoginCallbackUrlProblem(string value)
    {
        if (value.Length > MaxLoginCallbackUrlLength)
        {
            return $"The login callback URL must be at most {MaxLoginCallbackUrlLength} characters.";
        }

        // A path such as /login/callback parses as a file URI on Unix: it is not the absolute URL meant here.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"'{value}' is not an absolute URL such as https://login.acme.com/login/callback.";
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? null
            : $"'{value}' must use https (plain http only for a loopback host).";
    }

    /// <summary>A slug: lower-case letters, digits and dashes, 1-64 characters, no dash at either end.</summary>
    public static bool IsValidId(string? value) => value is not null && TenantIdPattern().IsMatch(value);

    /// <summary>
    /// Null when <paramref name="value"/> is a host with an optional port (<c>acme.example.com</c>, <c>localhost:5000</c>,
    /// <c>[::1]:8080</c>); otherwise why not.
    /// </summary>
    public static string? DomainProblem(string? value, int minLength = 1)
    {
        const string Shape = "a host name with an optional port and no scheme or path, e.g. acme.example.com or localhost:5000";
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"A domain is required: {Shape}.";
        }

        if (value.Length < minLength || value.Length > MaxDomainLength)
        {
            return $"'{value}' must be {minLength}-{MaxDomainLength} characters long.";
        }

        if (value.IndexOfAny(['/', '?', '#', '@', ' ', '\\']) >= 0 || !TrySplitHostAndPort(value, out var host, out var port))
        {
            return $"'{value}' is not {Shape}.";
        }

        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            return $"'{value}' has an invalid port; a port is a number from 1 to 65535.";
        }

        return IsHost(host) ? null : $"'{value}' is not {Shape}.";
    }

    private static bool TrySplitHostAndPort(string value, out string host, out string? port)
    {
        port = null;
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? value[..(end + 1)] : value;
            if (end < 0)
            {
                return false;
            }

            var rest = value[(end + 1)..];
            if (rest.Length == 0)
            {
                return true;
            }

            port = rest.StartsWith(':') ? rest[1..] : null;
            return port is not null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            host = value;
            return true;
        }

        host = value[..colon];
        port = value[(colon + 1)..];
        return port.Length > 0;
    }

    private static bool IsHost(string host) =>
        host.StartsWith('[')
            ? host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
            : host.Length <= 253 && HostNamePattern().IsMatch(host);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantIdPattern();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostNamePattern();
}
