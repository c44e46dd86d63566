using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tests.Persistence;

namespace SspPortal.Application.Tests.Tenants;

public sealed class TenantDirectoryTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    private ITenantDirectory Directory => _database.Services.GetRequiredService<ITenantDirectory>();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Add_StoresTheTenant_WhenTheRequestIsValid()
    {
        var result = await Directory.AddAsync(
            new AddTenantRequest("acme", "Acme.Example.com", "Acme Corp", ["sso.acme.com", "login.acme.com:8443"], MaxProfiles: 5)
        );

        Assert.True(result.IsOk);
        var found = await Directory.FindAsync("acme");
        Assert.NotNull(found);
        Assert.Equal("Acme Corp", found.DisplayName);
        Assert.Equal("acme.example.com", found.Domain);
        Assert.Equal(["sso.acme.com", "login.acme.com:8443"], found.CustomDomains);
        Assert.Equal(5, found.MaxProfiles);
    }

    [Fact]
    public async Task Add_UsesTheIdAsDisplayName_WhenNoNameIsGiven()
    {
        var result = await Directory.AddAsync(new AddTenantRequest("globex", "localhost:5000", null, []));

        Assert.Equal("globex", result.Value.DisplayName);
        Assert.Equal("localhost:5000", result.Value.Domain);
    }

    [Fact]
    public async Task Add_ReturnsConflict_WhenTheIdExists()
    {
        await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, []));

        var result = await Directory.AddAsync(new AddTenantRequest("acme", "other.example.com", null, []));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("'acme' already exists", result.Message, StringComparison.Ordinal);
        Assert.Equal("acme.example.com", (await Directory.FindAsync("acme"))!.Domain);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("ac me")]
    [InlineData("acme_corp")]
    [InlineData("")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Add_ReturnsInvalid_WhenTheIdIsNotASlug(string id)
    {
        var result = await Directory.AddAsync(new AddTenantRequest(id, "acme.example.com", null, []));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("id", Assert.Single(result.Errors).Path);
    }

    [Theory]
    [InlineData("https://acme.example.com")]
    [InlineData("acme.example.com/path")]
    [InlineData("acme..example.com")]
    [InlineData("acme.example.com:0")]
    [InlineData("acme.example.com:70000")]
    [InlineData("acme.example.com:")]
    [InlineData("under_score.example.com")]
    [InlineData(" ")]
    public async Task Add_ReturnsInvalid_WhenTheDomainIsNotAHost(string domain)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", domain, null, []));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("domain", error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:5001")]
    [InlineData("portal")]
    public async Task Add_AcceptsTheDomain_WhenItIsAHostWithAnOptionalPort(string domain)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", domain, null, []));

        Assert.True(result.IsOk, string.Join("; ", result.Errors.Select(e => e.Reason)));
    }

    [Fact]
    public async Task Add_ReturnsInvalid_WhenCustomDomainsRepeatOrRepeatTheDomain()
    {
        var result = await Directory.AddAsync(
            new AddTenantRequest("acme", "acme.example.com", null, ["sso.acme.com", "SSO.acme.com", "acme.example.com", "x"])
        );

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["custom_domains[1]", "custom_domains[2]", "custom_domains[3]"], result.Errors.Select(e => e.Path));
        Assert.Null(await Directory.FindAsync("acme"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task Add_ReturnsInvalid_WhenTheProfileLimitIsOutOfRange(int limit)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, [], limit));

        Assert.Equal("max_profiles", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task List_ReturnsEveryTenantOrderedById()
    {
        await Directory.AddAsync(new AddTenantRequest("zeta", "zeta.example.com", null, []));
        await Directory.AddAsync(new AddTenantRequest("alpha", "alpha.example.com", null, []));

        var tenants = await Directory.ListAsync();

        Assert.Equal(["alpha", "zeta"], tenants.Select(t => t.Id));
    }

    [Fact]
    public async Task Ensure_CreatesTheTenant_WhenItIsMissing()
    {
        var tenant = await Directory.EnsureAsync(new AddTenantRequest("dev", "localhost:5000", "Development tenant", []));

        Assert.Equal("Development tenant", tenant.DisplayName);
        Assert.Equal("localhost:5000", (await Directory.FindAsync("dev"))!.Domain);
    }

    [Fact]
    public async Task Ensure_UpdatesOnlyTheDomain_WhenTheTenantExists()
    {
        await Directory.AddAsync(new AddTenantRequest("dev", "localhost:5000", "Kept name", ["custom.example.com"]));

        var tenant = await Directory.EnsureAsync(new AddTenantRequest("dev", "localhost:5123", "Development tenant", []));

        Assert.Equal("localhost:5123", tenant.Domain);
        Assert.Equal("Kept name", tenant.DisplayName);
        Assert.Equal(["custom.example.com"], tenant.CustomDomains);
        Assert.Single(await Directory.ListAsync());
    }

    [Fact]
    public async Task Ensure_Throws_WhenTheRequestIsInvalid()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.EnsureAsync(new AddTenantRequest("Dev!", "localhost:5000", null, [])));
    }

    [Fact]
    public async Task FindByEntraTenantId_ReturnsNull_WhenNoTenantHasIt()
    {
        await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, []));

        Assert.Null(await Directory.FindByEntraTenantIdAsync("00000000-0000-0000-0000-000000000001"));
        Assert.Null(await Directory.FindAsync("unknown"));
    }

    [Fact]
    public async Task Add_StoresEntraTenantIdAndLoginCallback_WhenGiven()
    {
        var result = await Directory.AddAsync(
            new AddTenantRequest(
                "acme",
                "acme.example.com",
                null,
                [],
                EntraTenantId: "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
                LoginCallbackUrl: "https://login.acme.com/login/callback"
            )
        );

        Assert.True(result.IsOk);
        var found = await Directory.FindByEntraTenantIdAsync("72f988bf-86f1-41af-91ab-2d7cd011db47");
        Assert.NotNull(found);
        Assert.Equal("acme", found.Id);
        Assert.Equal("https://login.acme.com/login/callback", found.LoginCallbackUrl);
    }

    [Theory]
    [InlineData("not-a-guid", null, "entra_tenant_id")]
    [InlineData(null, "http://login.acme.com/callback", "login_callback_url")]
    [InlineData(null, "/login/callback", "login_callback_url")]
    [InlineData(null, "https://login.acme.com/callback#fragment", "login_callback_url")]
    public async Task Add_ReturnsInvalidNamingTheField_WhenEntraIdOrCallbackIsMalformed(string? entra, string? callback, string path)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, [], null, entra, callback));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(path, Assert.Single(result.Errors).Path);
        Assert.Null(await Directory.FindAsync("acme"));
    }

    [Theory]
    [InlineData("urn:acme:{connection}")]
    [InlineData("https://login.acme.com/saml/{connection}")]
    public async Task Add_StoresTheEntityIdTemplate_WhenItNamesTheConnectionOnce(string template)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, [], EntityIdTemplate: template));

        Assert.True(result.IsOk);
        Assert.Equal(template, (await Directory.FindAsync("acme"))!.EntityIdTemplate);
    }

    [Theory]
    [InlineData("urn:acme:fixed")]
    [InlineData("urn:{connection}:{connection}")]
    [InlineData("not a uri {connection}")]
    [InlineData("{connection}")]
    public async Task Add_ReturnsInvalid_WhenTheEntityIdTemplateIsUnusable(string template)
    {
        var result = await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, [], EntityIdTemplate: template));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("entity_id_template", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task Add_AcceptsPlainHttpCallback_WhenTheHostIsLoopback()
    {
        var result = await Directory.AddAsync(
            new AddTenantRequest("acme", "acme.example.com", null, [], LoginCallbackUrl: "http://127.0.0.1:5000/login/callback")
        );

        Assert.True(result.IsOk);
    }

    [Fact]
    public async Task Update_ChangesOnlyWhatIsGiven_WhenTheTenantExists()
    {
        await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", "Acme Corp", ["sso.acme.com"], 3));

        var result = await Directory.UpdateAsync(
            new UpdateTenantRequest(
                "acme",
                EntraTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
                LoginCallbackUrl: "https://login.acme.com/callback"
            )
        );

        Assert.True(result.IsOk);
        var found = await Directory.FindAsync("acme");
        Assert.NotNull(found);
        Assert.Equal("Acme Corp", found.DisplayName);
        Assert.Equal("acme.example.com", found.Domain);
        Assert.Equal(["sso.acme.com"], found.CustomDomains);
        Assert.Equal(3, found.MaxProfiles);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", found.EntraTenantId);
        Assert.Equal("https://login.acme.com/callback", found.LoginCallbackUrl);
    }

    [Fact]
    public async Task Update_ClearsEntraTenantIdAndCallback_WhenGivenEmpty()
    {
        await Directory.AddAsync(
            new AddTenantRequest("acme", "acme.example.com", null, [], null, "72f988bf-86f1-41af-91ab-2d7cd011db47", "https://login.acme.com/cb")
        );

        var result = await Directory.UpdateAsync(new UpdateTenantRequest("acme", EntraTenantId: "", LoginCallbackUrl: ""));

        Assert.True(result.IsOk);
        Assert.Null(result.Value.EntraTenantId);
        Assert.Null(result.Value.LoginCallbackUrl);
        Assert.Null(await Directory.FindByEntraTenantIdAsync("72f988bf-86f1-41af-91ab-2d7cd011db47"));
    }

    [Fact]
    public async Task Update_ReturnsInvalidAndKeepsTheTenant_WhenAChangeBreaksARule()
    {
        await Directory.AddAsync(new AddTenantRequest("acme", "acme.example.com", null, ["sso.acme.com"]));

        var result = await Directory.UpdateAsync(new UpdateTenantRequest("acme", Domain: "sso.acme.com", MaxProfiles: 50));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["custom_domains[0]", "max_profiles"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        var found = await Directory.FindAsync("acme");
        Assert.Equal("acme.example.com", found!.Domain);
        Assert.Null(found.MaxProfiles);
    }

    [Fact]
    public async Task Update_ReturnsNotFound_WhenThereIsNoSuchTenant()
    {
        var result = await Directory.UpdateAsync(new UpdateTenantRequest("nobody", DisplayName: "Nobody"));

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }
}
