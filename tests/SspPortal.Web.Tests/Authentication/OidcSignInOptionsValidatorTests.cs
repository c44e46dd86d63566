using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Tests.Authentication;

public sealed class OidcSignInOptionsValidatorTests
{
    private static OidcSignInOptionsValidator ValidatorFor(string environment) => new(new TestEnvironment(environment));

    [Fact]
    public void Validate_FailsNamingTheSetting_WhenNotDevelopmentAndNoAuthority()
    {
        var result = ValidatorFor("Production").Validate(null, new OidcSignInOptions());

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:Authority", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenDevelopmentAndNoAuthority()
    {
        var result = ValidatorFor("Development").Validate(null, new OidcSignInOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Succeeds_WhenAuthorityAndClientIdSet()
    {
        var options = new OidcSignInOptions { Authority = "https://idp.example.test", ClientId = "portal" };

        var result = ValidatorFor("Production").Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Fails_WhenAuthoritySetWithoutClientId()
    {
        var result = ValidatorFor("Production").Validate(null, new OidcSignInOptions { Authority = "https://idp.example.test" });

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://idp.example.test")]
    [InlineData("not a url")]
    public void Validate_Fails_WhenAuthorityIsNotHttpsOrLoopback(string authority)
    {
        var result = ValidatorFor("Production").Validate(null, new OidcSignInOptions { Authority = authority, ClientId = "portal" });

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:Authority", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenAuthorityIsPlainHttpOnLoopback()
    {
        var result = ValidatorFor("Development").Validate(null, new OidcSignInOptions { Authority = "http://127.0.0.1:4000", ClientId = "portal" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Fails_WhenTwoPortalRolesShareAProviderRoleName()
    {
        var options = new OidcSignInOptions
        {
            Authority = "https://idp.example.test",
            ClientId = "portal",
            RoleNames = new OidcRoleNames { Admin = "Portal.Admin", Editor = "Portal.Admin", Viewer = "Portal.Viewer" },
        };

        var result = ValidatorFor("Production").Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RoleNames", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_SetsEntraAuthorityAndTenantClaim_WhenAzureAdSectionConfigured()
    {
        var azureAd = new AzureAdOptions
        {
            Instance = "https://login.microsoftonline.com/",
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "client-1",
            ClientSecret = "secret",
            CallbackPath = "/signin-entra",
        };
        var options = new OidcSignInOptions();

        azureAd.ApplyTo(options);

        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", options.Authority);
        Assert.Equal("client-1", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.Equal("/signin-entra", options.CallbackPath);
        Assert.Equal("tid", options.TenantClaim);
        Assert.Equal(OidcTenantClaimKind.EntraTenantId, options.TenantClaimKind);
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SspPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
