using Microsoft.Extensions.Options;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// Fails start-up on a wrong sign-in setting, naming it. Outside Development a provider is required (the development
/// sign-in exists only in Development); the generic provider and Entra ID exclude each other.
/// </summary>
internal sealed class OidcSignInOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<OidcSignInOptions>
{
    private const string AzureAd = PortalSignIn.AzureAdSectionName;

    public ValidateOptionsResult Validate(string? name, OidcSignInOptions options)
    {
        var signIn = PortalSignIn.From(configuration, environment);
        if (signIn.EntraConfigured && signIn.OidcConfigured)
        {
            return ValidateOptionsResult.Fail(
                $"Set either {OidcSignInOptions.SectionName}:Authority (any OpenID Connect provider) or {AzureAd}:ClientId "
                    + "(Entra ID), not both: the portal signs in through one provider."
            );
        }

        if (signIn.Scheme is null)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{OidcSignInOptions.SectionName}:Authority (or {AzureAd}:ClientId and {AzureAd}:TenantId) must be set in the "
                        + $"'{environment.EnvironmentName}' environment: the development sign-in is only available in Development."
                );
        }

        var failures = new List<string>();
        if (signIn.OidcConfigured)
        {
            ValidateGeneric(options, failures);
        }
        else
        {
            ValidateEntra(configuration.GetSection(AzureAd), failures);
        }

        if (string.IsNullOrWhiteSpace(options.NameClaim))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:NameClaim is required.");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:RoleClaim is required.");
        }

        var roles = options.RoleNames;
        string?[] roleNames = [roles.Admin, roles.Editor, roles.Viewer];
        if (roleNames.Any(string.IsNullOrWhiteSpace) || roleNames.Distinct(StringComparer.Ordinal).Count() != roleNames.Length)
        {
            failures.Add($"{OidcSignInOptions.SectionName}:RoleNames:Admin, :Editor and :Viewer must be set and differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateGeneric(OidcSignInOptions options, List<string> failures)
    {
        if (!IsHttpsOrLoopback(options.Authority, out var problem))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:Authority {problem}");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:ClientId is required when an authority is set.");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:CallbackPath must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.TenantClaim))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:TenantClaim is required.");
        }

        if (options.ClientAuthentication != OidcClientAuthentication.ClientSecretPost)
        {
            failures.Add(
                $"{OidcSignInOptions.SectionName}:ClientAuthentication '{options.ClientAuthentication}' is not supported: the client secret "
                    + "is sent in the token request body (ClientSecretPost); register the portal's client for client_secret_post."
            );
        }
    }

    private static void ValidateEntra(IConfigurationSection azureAd, List<string> failures)
    {
        var instance = azureAd["Instance"];
        if (!string.IsNullOrWhiteSpace(instance) && !IsHttpsOrLoopback(instance, out var problem))
        {
            failures.Add($"{AzureAd}:Instance {problem}");
        }

        foreach (var path in new[] { "CallbackPath", "SignedOutCallbackPath" })
        {
            var value = azureAd[path];
            if (!string.IsNullOrEmpty(value) && !value.StartsWith('/'))
            {
                failures.Add($"{AzureAd}:{path} must start with '/'.");
            }
        }
    }

    private static bool IsHttpsOrLoopback(string? value, out string problem)
    {
        problem = "";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "must be an absolute URL.";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            problem = "must use https (plain http only on a loopback address).";
            return false;
        }

        return true;
    }
}
