using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Operations;

/// <summary>
/// In Development, makes sure tenant <c>dev</c> exists before the server takes requests (hosted services start before
/// the web server), with the domain <c>localhost:&lt;port of the first configured address&gt;</c> so that ticket URLs
/// issued locally open; once the server listens, the domain follows the port it really got (a configured port 0).
/// Until the tenant exists, readiness says so (<see cref="DevelopmentTenantHealthCheck"/>).
/// </summary>
internal sealed partial class DevelopmentTenant(
    IServer server,
    IConfiguration configuration,
    ITenantDirectory tenants,
    DatabaseInitializer database,
    ILogger<DevelopmentTenant> logger
) : IHostedLifecycleService
{
    public const string TenantId = "dev";
    public const string DisplayName = "Development tenant";

    /// <summary>Before the server starts: the addresses it is configured to listen on (<c>urls</c>, <c>ASPNETCORE_URLS</c>).</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        EnsureAsync(configuration[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cancellationToken);

    /// <summary>Once it listens: the addresses it got.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return listening is { Count: > 0 } ? EnsureAsync(listening, cancellationToken) : Task.CompletedTask;
    }

    private async Task EnsureAsync(IEnumerable<string>? addresses, CancellationToken cancellationToken)
    {
        var status = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!status.IsReady)
        {
            LogSkipped(logger, status.Error ?? $"{status.PendingMigrations.Count} pending migration(s)");
            return;
        }

        var tenant = await tenants.EnsureAsync(new AddTenantRequest(TenantId, DomainFor(addresses), DisplayName, []), cancellationToken).ConfigureAwait(false);
        LogEnsured(logger, tenant.Id, tenant.Domain);
    }

    /// <summary><c>localhost:&lt;port&gt;</c> of the first listening address; plain <c>localhost</c> when there is none (test server).</summary>
    internal static string DomainFor(IEnumerable<string>? addresses)
    {
        var first = addresses?.FirstOrDefault();
        if (string.IsNullOrEmpty(first))
        {
            return "localhost";
        }

        var address = BindingAddress.Parse(first);
        return address.Port > 0 ? $"localhost:{address.Port}" : "localhost";
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Development tenant {TenantId} uses domain {Domain}")]
    private static partial void LogEnsured(ILogger logger, string tenantId, string domain);

    [LoggerMessage(
        EventId = 1302,
        Level = LogLevel.Warning,
        Message = "Development tenant not ensured: the database is not ready ({Reason}). Run the migrate command."
    )]
    private static partial void LogSkipped(ILogger logger, string reason);
}
