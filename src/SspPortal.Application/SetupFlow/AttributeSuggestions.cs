using SspPortal.Application.Profiles;

namespace SspPortal.Application.SetupFlow;

/// <summary>Which claim or SAML attribute usually carries a user attribute, per strategy. Suggestions only.</summary>
public static class AttributeSuggestions
{
    private static readonly Dictionary<string, string[]> Oidc = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = ["email"],
        ["email_verified"] = ["email_verified"],
        ["name"] = ["name"],
        ["given_name"] = ["given_name"],
        ["family_name"] = ["family_name"],
        ["nickname"] = ["nickname", "preferred_username"],
        ["username"] = ["preferred_username"],
        ["picture"] = ["picture"],
        ["phone_number"] = ["phone_number"],
        ["locale"] = ["locale"],
        ["groups"] = ["groups"],
    };

    private static readonly Dictionary<string, string[]> Waad = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = ["email", "upn", "preferred_username"],
        ["username"] = ["preferred_username", "upn"],
        ["groups"] = ["groups", "roles"],
    };

    private static readonly Dictionary<string, string[]> Saml = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"],
        ["name"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"],
        ["given_name"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"],
        ["family_name"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"],
        ["username"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"],
        ["groups"] = ["http://schemas.xmlsoap.org/claims/Group"],
        ["phone_number"] = ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/mobilephone"],
    };

    private static readonly Dictionary<string, string[]> Okta = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = ["user.email"],
        ["given_name"] = ["user.firstName"],
        ["family_name"] = ["user.lastName"],
        ["name"] = ["user.displayName"],
        ["username"] = ["user.login"],
        ["groups"] = ["groups"],
    };

    /// <summary>The claims (OIDC) or attribute names (SAML) that usually carry <paramref name="attribute"/>.</summary>
    public static IReadOnlyList<string> For(string strategy, string attribute)
    {
        var table = strategy switch
        {
            Strategies.Waad => Waad,
            Strategies.OktaSamlp => Okta,
            _ when Strategies.IsKnown(strategy) && Strategies.Get(strategy).Protocol == StrategyProtocol.Saml => Saml,
            _ => Oidc,
        };
        if (table.TryGetValue(attribute, out var names))
        {
            return names;
        }

        return strategy == Strategies.Waad && Oidc.TryGetValue(attribute, out var standard) ? standard : [];
    }
}
