namespace SspPortal.Web.Authentication;

/// <summary>The account pages and endpoints.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string NoAccess = "/account/no-access";
    public const string SignedOut = "/account/signed-out";
    public const string SignInFailed = "/account/sign-in-failed";
    public const string DevelopmentSignIn = "/account/dev-sign-in";

    /// <summary>
    /// A local path to return to after sign-in: anything else becomes <c>/</c>. Refused, like ASP.NET Core's own
    /// local-URL check and stricter: absolute and protocol-relative URLs, backslashes anywhere (browsers read them as
    /// slashes), control characters anywhere (browsers drop tabs and line breaks, so <c>/\t/evil.example</c> is
    /// <c>//evil.example</c>, and a line break cannot go into a <c>Location</c> header), and the account pages.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (
            string.IsNullOrEmpty(returnUrl)
            || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] == '/')
            || returnUrl.Contains('\\', StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
        )
        {
            return "/";
        }

        return returnUrl;
    }
}
