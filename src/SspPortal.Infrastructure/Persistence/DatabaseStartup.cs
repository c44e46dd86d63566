using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations while the host is starting, before any hosted service or the web server runs,
/// unless <c>Database:MigrateOnStartup</c> is false (then the <c>migrate</c> command does it).
/// </summary>
internal sealed class DatabaseStartup(DatabaseInitializer initializer, IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
