namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>The flow session cookie: HttpOnly, Secure on https, SameSite=Lax, scoped to /self-service.</summary>
public static class FlowCookie
{
    public const string Name = "ssp_flow";
    public const string Path = "/self-service";

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    public static void Write(HttpContext context, string token, DateTime expiresAt) =>
        context.Response.Cookies.Append(
            Name,
            token,
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = Path,
                Expires = new DateTimeOffset(DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc)),
                IsEssential = true,
            }
        );

    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = Path, Secure = context.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
