using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// While the host is starting, before any hosted service or the web server runs: applies pending migrations (unless
/// <c>Database:MigrateOnStartup</c> is false; then the <c>migrate</c> command does it) and imports the keys of an earlier
/// release's key folder. Once started: warns when the key ring is not encrypted at rest in Production, and when a
/// stored client secret can no longer be decrypted.
/// </summary>
internal sealed partial class DatabaseStartup(
    DatabaseInitializer initializer,
    KeyRingImport keyRing,
    KeyStorageOptions keys,
    StoredSecretsCheck secrets,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseStartup> logger
) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        if ((await initializer.CheckAsync(cancellationToken).ConfigureAwait(false)).IsReady)
        {
            await keyRing.ImportAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(keys.CertificatePath))
        {
            LogKeysUnencrypted(logger);
        }

        if ((await initializer.CheckAsync(cancellationToken).ConfigureAwait(false)).IsReady)
        {
            // Logs a warning itself when a secret cannot be decrypted.
            _ = await secrets.CheckNowAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        EventId = 1008,
        Level = LogLevel.Warning,
        Message = "The Data Protection key ring is stored unencrypted in the database: set DataProtection:Certificate:Path (and Password) to a PFX certificate that encrypts it at rest"
    )]
    private static partial void LogKeysUnencrypted(ILogger logger);
}
