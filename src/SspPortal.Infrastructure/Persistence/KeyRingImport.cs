using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// Copies the keys of the folder earlier releases kept the key ring in (<c>DataProtection:KeysPath</c>, by default a
/// <c>keys</c> folder beside the SQLite file) into the database, so that cookies and client secrets they protected stay
/// readable. A key is copied once (by its file name, which is the name Data Protection gives it); the folder is left as
/// it was, as a backup. Runs after the migrations, before anything protects or unprotects.
/// </summary>
internal sealed partial class KeyRingImport(
    SspDbContextFactory contexts,
    KeyStorageOptions keys,
    IOptions<DatabaseOptions> database,
    IHostEnvironment environment,
    ILogger<KeyRingImport> logger
)
{
    /// <summary>The folder looked at; null when there is none to look at (a server engine without <c>KeysPath</c>).</summary>
    public string? Folder =>
        database.Value.ProviderKind == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(keys.KeysPath)
            ? keys.ResolvePath(environment.ContentRootPath, database.Value.ResolvePath(environment.ContentRootPath))
            : null;

    /// <summary>Imports the keys the database does not have yet; returns how many were imported.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        if (Folder is not { } folder || !Directory.Exists(folder))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return 0;
        }

        await using var db = contexts.Unscoped();
        var known = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            var xml = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (!IsKey(xml))
            {
                LogKeyFileSkipped(logger, name);
                continue;
            }

            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml });
            imported++;
        }

        if (imported > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogKeysImported(logger, imported, folder);
        }

        return imported;
    }

    private static bool IsKey(string xml)
    {
        try
        {
            return XDocument.Parse(xml).Root is { Name.LocalName: "key" } root && root.Attribute("id") is not null;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Imported {Count} Data Protection key(s) from {Folder} into the database")]
    private static partial void LogKeysImported(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Skipped {File} in the key folder: it is not a Data Protection key")]
    private static partial void LogKeyFileSkipped(ILogger logger, string file);
}
