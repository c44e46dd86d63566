namespace SspPortal.E2E.Infrastructure;

/// <summary>A user of the test OpenID provider (defined in <c>e2e/oidc-provider/server.mjs</c>).</summary>
public sealed record TestUser(string Login, string Name, string Tenant, string? Role)
{
    public string Password => TestUsers.Password;
}

/// <summary>The test OpenID provider's users: one per role in <c>acme</c>, an admin of <c>globex</c>, and two without access.</summary>
public static class TestUsers
{
    public const string Password = "Passw0rd!";

    public static readonly TestUser AcmeAdmin = new("admin@acme", "Ada Admin", "acme", "Admin");
    public static readonly TestUser AcmeEditor = new("editor@acme", "Eddie Editor", "acme", "Editor");
    public static readonly TestUser AcmeViewer = new("viewer@acme", "Vera Viewer", "acme", "Viewer");
    public static readonly TestUser GlobexAdmin = new("admin@globex", "Gloria Admin", "globex", "Admin");

    /// <summary>In tenant <c>acme</c> but without any role.</summary>
    public static readonly TestUser AcmeWithoutRole = new("norole@acme", "Nora Norole", "acme", null);

    /// <summary>Claims a tenant (<c>nowhere</c>) the portal does not know.</summary>
    public static readonly TestUser UnknownTenant = new("stranger@nowhere", "Sam Stranger", "nowhere", "Admin");
}
