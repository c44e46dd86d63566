using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Tenants;
using SspPortal.Web.Operations;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

public sealed class DevelopmentTenantTests
{
    [Fact]
    public async Task Start_EnsuresTheDevTenant_WhenTheEnvironmentIsDevelopment()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = factory.CreateClient();

        var tenant = await factory.Services.GetRequiredService<ITenantDirectory>().FindAsync("dev");

        Assert.NotNull(tenant);
        Assert.Equal("Development tenant", tenant.DisplayName);
        Assert.Equal("localhost", tenant.Domain);
    }

    [Fact]
    public async Task Start_LeavesTenantsAlone_WhenTheEnvironmentIsNotDevelopment()
    {
        await using var factory = new SspWebApplicationFactory("Testing");
        using var client = factory.CreateClient();

        Assert.Empty(await factory.Services.GetRequiredService<ITenantDirectory>().ListAsync());
    }

    [Theory]
    [InlineData("http://localhost:5000", "localhost:5000")]
    [InlineData("http://127.0.0.1:5123", "localhost:5123")]
    [InlineData("https://[::]:7001", "localhost:7001")]
    [InlineData("http://+:8080", "localhost:8080")]
    public void DomainFor_UsesThePortOfTheFirstAddress_WhenTheServerListens(string address, string expected)
    {
        Assert.Equal(expected, DevelopmentTenant.DomainFor([address, "http://localhost:9999"]));
    }

    [Fact]
    public void DomainFor_ReturnsLocalhost_WhenTheServerHasNoAddresses()
    {
        Assert.Equal("localhost", DevelopmentTenant.DomainFor([]));
        Assert.Equal("localhost", DevelopmentTenant.DomainFor(null));
    }
}
