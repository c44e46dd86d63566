using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Infrastructure.SetupFlow;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>What <see cref="StoredSecretsCheck"/> found: the connections whose stored client secret cannot be decrypted.</summary>
public sealed record StoredSecretsStatus(int Checked, IReadOnlyList<string> Unreadable)
{
    public bool AllReadable => Unreadable.Count == 0;
}

/// <summary>
/// Tries every stored client secret against the key ring, so that a lost or unreadable key (a key folder that was not
/// imported, a certificate that is gone) is a warning and a degraded health check instead of a silently missing secret.
/// The result is kept for a minute: the readiness check may ask often.
/// </summary>
public sealed partial class StoredSecretsCheck(
    SspDbContextFactory contexts,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    ILogger<StoredSecretsCheck> logger
)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (StoredSecretsStatus Status, DateTimeOffset At)? _last;

    /// <summary>A check now (logged when a secret is unreadable), not kept: what start-up asks.</summary>
    public async Task<StoredSecretsStatus> CheckNowAsync(CancellationToken cancellationToken)
    {
        var status = await RunAsync(cancellationToken).ConfigureAwait(false);
        if (!status.AllReadable)
        {
            LogUnreadableSecrets(logger, status.Unreadable.Count, string.Join(", ", status.Unreadable));
        }

        return status;
    }

    /// <summary>The last result if it is recent, else a new check: what the readiness check asks.</summary>
    public async Task<StoredSecretsStatus> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < KeptFor)
            {
                return last.Status;
            }

            var status = await RunAsync(cancellationToken).ConfigureAwait(false);
            if (!status.AllReadable)
            {
                LogUnreadableSecrets(logger, status.Unreadable.Count, string.Join(", ", status.Unreadable));
            }

            _last = (status, clock.GetUtcNow());
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<StoredSecretsStatus> RunAsync(CancellationToken cancellationToken)
    {
        var secrets = new FlowSecrets(dataProtection);
        await using var db = contexts.Unscoped();
        var connections = await db
            .Connections.IgnoreQueryFilters()
            .AsNoTracking()
            .Select(c => new { c.Id, c.OptionsJson })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var unreadable = new List<string>();
        var count = 0;
        foreach (var connection in connections)
        {
            if (JsonNode.Parse(connection.OptionsJson) is not JsonObject options || options["client_secret"] is not JsonValue value || !value.TryGetValue<string>(out var protectedSecret))
            {
                continue;
            }

            count++;
            try
            {
                _ = secrets.UnprotectForConnection(protectedSecret);
            }
            catch (CryptographicException)
            {
                unreadable.Add(connection.Id);
            }
        }

        return new StoredSecretsStatus(count, unreadable);
    }

    [LoggerMessage(
        EventId = 1007,
        Level = LogLevel.Warning,
        Message = "{Count} stored client secret(s) cannot be decrypted: the Data Protection key that protected them is missing or unreadable (connections {ConnectionIds}). Restore the key ring (or its certificate) from backup."
    )]
    private static partial void LogUnreadableSecrets(ILogger logger, int count, string connectionIds);
}
