using Microsoft.Extensions.Configuration;
using SspPortal.Web.Operations;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

public sealed class OperatorCommandsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(new[] { "migrate" }, true)]
    [InlineData(new[] { "tenants", "list" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void IsCommand_RecognisesOperatorCommands(string[] args, bool expected)
    {
        Assert.Equal(expected, OperatorCommands.IsCommand(args));
    }

    [Fact]
    public async Task Migrate_AppliesTheMigrations_ThenReportsUpToDate()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("20261123000000_InitialSchema", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.DatabasePath));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsAdd_AddsTheTenant_SoThatListShowsIt()
    {
        var add = await RunAsync(
            "tenants",
            "add",
            "acme",
            "--domain",
            "acme.example.com",
            "--custom-domain",
            "sso.acme.com",
            "--custom-domain=login.acme.com",
            "--name",
            "Acme Corp",
            "--max-profiles",
            "3"
        );
        var list = await RunAsync("tenants", "list");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added tenant acme (Acme Corp) with domain acme.example.com", add.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(list.Output.Split('\n'), line => line.StartsWith("acme ", StringComparison.Ordinal));
        Assert.Contains("Acme Corp", row, StringComparison.Ordinal);
        Assert.Contains("sso.acme.com, login.acme.com", row, StringComparison.Ordinal);
        Assert.Contains("3", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsAdd_AcceptsDisplayNameAsAnAliasOfName()
    {
        var add = await RunAsync("tenants", "add", "globex", "--domain", "127.0.0.1:5123", "--display-name", "Globex Corporation");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added tenant globex (Globex Corporation) with domain 127.0.0.1:5123", add.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsAdd_ExitsWithOne_WhenTheIdExists()
    {
        await RunAsync("tenants", "add", "acme", "--domain", "acme.example.com");

        var again = await RunAsync("tenants", "add", "acme", "--domain", "other.example.com");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsAdd_ExitsWithOneNamingTheOption_WhenTheDomainIsInvalid()
    {
        var result = await RunAsync("tenants", "add", "acme", "--domain", "https://acme.example.com");
        var list = await RunAsync("tenants", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--domain:", result.Error, StringComparison.Ordinal);
        Assert.Contains("No tenants yet", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenants", "add", "acme")]
    [InlineData("tenants", "add", "--domain", "acme.example.com")]
    [InlineData("tenants", "add", "acme", "--domain")]
    [InlineData("tenants", "add", "acme", "--domain", "a.example.com", "--colour", "red")]
    [InlineData("tenants", "add", "acme", "--domain", "a.example.com", "--max-profiles", "many")]
    [InlineData("tenants", "remove", "acme")]
    [InlineData("tenants", "set", "acme")]
    [InlineData("tenants", "set", "--name", "Acme")]
    [InlineData("tenants")]
    [InlineData("migrate", "now")]
    public async Task Run_ExitsWithTwoAndShowsUsage_WhenTheCommandLineIsWrong(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public async Task TenantsSet_ChangesTheGivenOptions_WhenTheTenantExists()
    {
        await RunAsync("tenants", "add", "acme", "--domain", "acme.example.com", "--name", "Acme Corp");

        var set = await RunAsync(
            "tenants",
            "set",
            "acme",
            "--entra-tenant-id",
            "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "--login-callback-url=https://login.acme.com/login/callback",
            "--entity-id-template",
            "urn:acme:{connection}"
        );
        var clear = await RunAsync("tenants", "set", "acme", "--entra-tenant-id=");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Updated tenant acme (Acme Corp) with domain acme.example.com.", set.Output, StringComparison.Ordinal);
        Assert.Contains("Entra tenant id: 72f988bf-86f1-41af-91ab-2d7cd011db47", set.Output, StringComparison.Ordinal);
        Assert.Contains("Login callback URL: https://login.acme.com/login/callback", set.Output, StringComparison.Ordinal);
        Assert.Contains("Entity id template: urn:acme:{connection}", set.Output, StringComparison.Ordinal);
        Assert.Equal(0, clear.ExitCode);
        Assert.DoesNotContain("Entra tenant id", clear.Output, StringComparison.Ordinal);
        Assert.Contains("Login callback URL: https://login.acme.com/login/callback", clear.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsSet_ExitsWithOneNamingTheOption_WhenTheCallbackIsNotHttps()
    {
        await RunAsync("tenants", "add", "acme", "--domain", "acme.example.com");

        var result = await RunAsync("tenants", "set", "acme", "--login-callback-url", "http://login.acme.com/callback");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--login-callback-url:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsSet_ExitsWithOne_WhenTheTenantDoesNotExist()
    {
        var result = await RunAsync("tenants", "set", "nobody", "--name", "Nobody");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no tenant with id 'nobody'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsList_RefusesAnOutdatedSchema_WhenMigrateOnStartupIsOff()
    {
        var result = await RunAsync(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }, "tenants", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("migrate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsWithOneNamingTheSetting_WhenASettingIsInvalid()
    {
        var result = await RunAsync(new Dictionary<string, string?> { ["SelfService:MaxProfilesPerTenant"] = "50" }, "tenants", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SelfService:MaxProfilesPerTenant", result.Error, StringComparison.Ordinal);
    }

    private Task<CommandResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private async Task<CommandResult> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        settings.TryAdd("Database:Path", _folder.DatabasePath);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(args, output, error, builder => builder.Configuration.AddInMemoryCollection(settings));
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CommandResult(int ExitCode, string Output, string Error);
}
