using Microsoft.Extensions.Options;

namespace SspPortal.Web.Authentication.OpenIdConnect;

/// <summary>
/// Fails start-up on a wrong sign-in setting, naming it. Outside Development an authority is required:
/// the development sign-in exists only in Development.
/// </summary>
internal sealed class OidcSignInOptionsValidator(IHostEnvironment environment) : IValidateOptions<OidcSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcSignInOptions options)
    {
        if (!options.IsConfigured)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{OidcSignInOptions.SectionName}:Authority (or {AzureAdOptions.SectionName}:ClientId and "
                        + $"{AzureAdOptions.SectionName}:TenantId) must be set in the '{environment.EnvironmentName}' environment: "
                        + "the development sign-in is only available in Development."
                );
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:Authority must be an absolute URL.");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback))
        {
            failures.Add($"{OidcSignInOptions.SectionName}:Authority must use https (plain http only on a loopback address).");
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
}
