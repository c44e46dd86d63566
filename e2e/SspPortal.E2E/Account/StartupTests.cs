using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.Account;

/// <summary>The app process itself: it refuses to start without a real sign-in outside Development.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_FailsNamingTheSetting_WhenNotDevelopmentAndNoAuthority()
    {
        await using var app = PortalAppServer.Create("Production", new Dictionary<string, string?>());

        var (exitCode, output) = await app.RunToExitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Authentication:OpenIdConnect:Authority", output, StringComparison.Ordinal);
    }
}
