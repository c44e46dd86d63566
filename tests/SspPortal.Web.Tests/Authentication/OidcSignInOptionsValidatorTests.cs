using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Tests.Authentication;

public sealed class OidcSignInOptionsValidatorTests
{
    private static OidcSignInOptionsValidator ValidatorFor(string environment, OidcSignInOptions? options = null, Dictionary<string, string?>? azureAd = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = options?.Authority,
        };
        foreach (var (key, value) in azureAd ?? [])
        {
            settings[$"AzureAd:{key}"] = value;
        }

        return new(new TestEnvironment(environment), new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    private static ValidateOptionsResult Validate(string environment, OidcSignInOptions options, Dictionary<string, string?>? azureAd = null) =>
        ValidatorFor(environment, options, azureAd).Validate(null, options);

    [Fact]
    public void Validate_FailsNamingTheSetting_WhenNotDevelopmentAndNoAuthority()
    {
        var result = Validate("Production", new OidcSignInOptions());

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:Authority", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenDevelopmentAndNoAuthority()
    {
        var result = Validate("Development", new OidcSignInOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Succeeds_WhenAuthorityAndClientIdSet()
    {
        var options = new OidcSignInOptions { Authority = "https://idp.example.test", ClientId = "portal" };

        var result = Validate("Production", options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Fails_WhenAuthoritySetWithoutClientId()
    {
        var result = Validate("Production", new OidcSignInOptions { Authority = "https://idp.example.test" });

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://idp.example.test")]
    [InlineData("not a url")]
    public void Validate_Fails_WhenAuthorityIsNotHttpsOrLoopback(string authority)
    {
        var result = Validate("Production", new OidcSignInOptions { Authority = authority, ClientId = "portal" });

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:Authority", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenAuthorityIsPlainHttpOnLoopback()
    {
        var result = Validate("Development", new OidcSignInOptions { Authority = "http://127.0.0.1:4000", ClientId = "portal" });

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

        var result = Validate("Production", options);

        Assert.True(result.Failed);
        Assert.Contains("RoleNames", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenOnlyAzureAdClientIdSetOutsideDevelopment()
    {
        var result = Validate("Production", new OidcSignInOptions(), new() { ["ClientId"] = "client-1", ["TenantId"] = "contoso.onmicrosoft.com" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_FailsNamingBothSettings_WhenAuthorityAndAzureAdBothSet()
    {
        var options = new OidcSignInOptions { Authority = "https://idp.example.test", ClientId = "portal" };

        var result = Validate("Production", options, new() { ["ClientId"] = "client-1" });

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:Authority", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("AzureAd:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Fails_WhenAzureAdInstanceIsPlainHttpOffLoopback()
    {
        var result = Validate("Production", new OidcSignInOptions(), new() { ["ClientId"] = "client-1", ["Instance"] = "http://login.example.test/" });

        Assert.True(result.Failed);
        Assert.Contains("AzureAd:Instance", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesNamingTheSetting_WhenClientAuthenticationIsClientSecretBasic()
    {
        var options = new OidcSignInOptions
        {
            Authority = "https://idp.example.test",
            ClientId = "portal",
            ClientAuthentication = OidcClientAuthentication.ClientSecretBasic,
        };

        var result = Validate("Production", options);

        Assert.True(result.Failed);
        Assert.Contains("Authentication:OpenIdConnect:ClientAuthentication", result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SspPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
