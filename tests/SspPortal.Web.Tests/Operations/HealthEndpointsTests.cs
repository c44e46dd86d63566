using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_ReturnsOk_WhenTheAppRuns()
    {
        await using var factory = new SspWebApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusOf(response));
    }

    [Fact]
    public async Task Ready_ReturnsOk_WhenTheDatabaseIsMigrated()
    {
        await using var factory = new SspWebApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Fact]
    public async Task Ready_ReturnsServiceUnavailable_WhenTheDevTenantIsMissingInDevelopment()
    {
        await using var factory = new SspWebApplicationFactory("Development");
        using var client = factory.CreateClient();
        using var withTenant = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM Tenants WHERE Id = 'dev'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        using var withoutTenant = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, withTenant.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, withoutTenant.StatusCode);
        using var body = JsonDocument.Parse(await withoutTenant.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").GetProperty("development_tenant");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_HasNoDevTenantCheck_WhenTheEnvironmentIsNotDevelopment()
    {
        await using var factory = new SspWebApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("development_tenant", out _));
    }

    [Fact]
    public async Task Ready_ReturnsServiceUnavailable_WhenMigrationsArePending()
    {
        await using var factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }
        );
        Directory.CreateDirectory(Path.GetDirectoryName(factory.DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
        }

        using var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("pending migration", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_ReturnsServiceUnavailable_WhenTheDatabaseFileIsMissing()
    {
        await using var factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }
        );
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await StatusOf(response));
        Assert.False(File.Exists(factory.DatabasePath));
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("status").GetString();
    }
}
