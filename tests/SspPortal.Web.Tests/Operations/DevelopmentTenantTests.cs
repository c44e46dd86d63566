using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
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
    public async Task Start_EnsuresTheDevTenantBeforeTheServerTakesRequests_WhenTheEnvironmentIsDevelopment()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        await using var probed = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TenantProbe>();
                services.AddSingleton<IStartupFilter>(provider => provider.GetRequiredService<TenantProbe>());
            })
        );

        using var client = probed.CreateClient();

        Assert.True(probed.Services.GetRequiredService<TenantProbe>().ExistedWhenThePipelineWasBuilt);
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

    /// <summary>
    /// Looks for tenant <c>dev</c> while the request pipeline is built, which the web server does right before it starts
    /// taking requests.
    /// </summary>
    private sealed class TenantProbe(ITenantDirectory tenants) : IStartupFilter
    {
        public bool ExistedWhenThePipelineWasBuilt { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            ExistedWhenThePipelineWasBuilt = tenants.FindAsync(DevelopmentTenant.TenantId).GetAwaiter().GetResult() is not null;
            return next;
        }
    }
}
