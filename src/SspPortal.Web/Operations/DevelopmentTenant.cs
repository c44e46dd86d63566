using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Operations;

/// <summary>
/// In Development, makes sure tenant <c>dev</c> exists once the server listens, with the domain
/// <c>localhost:&lt;port of the first address&gt;</c> so that ticket URLs issued locally open.
/// </summary>
internal sealed partial class DevelopmentTenant(
    IServer server,
    ITenantDirectory tenants,
    DatabaseInitializer database,
    ILogger<DevelopmentTenant> logger
) : IHostedLifecycleService
{
    public const string TenantId = "dev";
    public const string DisplayName = "Development tenant";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var status = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!status.IsReady)
        {
            LogSkipped(logger, status.Error ?? $"{status.PendingMigrations.Count} pending migration(s)");
            return;
        }

        var domain = DomainFor(server.Features.Get<IServerAddressesFeature>()?.Addresses);
        var tenant = await tenants.EnsureAsync(new AddTenantRequest(TenantId, domain, DisplayName, []), cancellationToken).ConfigureAwait(false);
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

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
