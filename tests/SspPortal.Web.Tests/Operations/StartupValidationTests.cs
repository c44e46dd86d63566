using Microsoft.Extensions.Options;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

/// <summary>A wrong setting stops start-up with a message that names it, before anything touches the database.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("SelfService:MaxProfilesPerTenant", "0")]
    [InlineData("SelfService:MaxProfilesPerTenant", "21")]
    [InlineData("Database:Path", "")]
    [InlineData("Database:Synchronous", "Sometimes")]
    [InlineData("ReverseProxy:KnownProxies:0", "not-an-address")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/99")]
    public async Task Start_FailsNamingTheSetting_WhenASettingIsInvalid(string key, string value)
    {
        await using var factory = new SspWebApplicationFactory("Testing", new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DoesNotMigrate_WhenASettingIsInvalid()
    {
        await using var factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?> { ["SelfService:MaxProfilesPerTenant"] = "0" }
        );

        Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.False(File.Exists(factory.DatabasePath));
    }
}
