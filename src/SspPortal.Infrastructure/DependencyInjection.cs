using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.Services;
using SspPortal.Infrastructure.Tenants;

namespace SspPortal.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The data layer and the implementations of the application services. Options are validated when the host
    /// starts; pending migrations are applied while it starts (unless <c>Database:MigrateOnStartup</c> is false).
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder
            .Services.AddOptions<SelfServiceOptions>()
            .Bind(builder.Configuration.GetSection(SelfServiceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        var writeGate = new SqliteWriteGate();
        builder.Services.AddPooledDbContextFactory<SspDbContext>(
            (services, options) =>
            {
                var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

                // The one provider-specific line of the data layer (see docs/adr/005-sql-server-status.md).
                options.UseSqlite(BuildConnectionString(database, contentRoot));
                options.AddInterceptors(writeGate, new SqliteConnectionSettings(database.SynchronousMode));

                // Both ends of every required relationship between tenant-owned entities carry the same tenant
                // filter, so a filtered principal never hides a visible dependent.
                options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
            }
        );
        AddKeyStorage(builder, contentRoot);
        builder.Services.AddSingleton<SspDbContextFactory>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ITenantDirectory, TenantDirectory>();
        builder.Services.AddApplicationServices();

        return builder;
    }

    /// <summary>
    /// Data Protection keys in a folder (beside the database unless <c>DataProtection:KeysPath</c> says otherwise), so
    /// that cookies and stored client secrets stay readable after a restart and across instances sharing the folder.
    /// </summary>
    private static void AddKeyStorage(IHostApplicationBuilder builder, string contentRoot)
    {
        // Read as plain values here: the sections are bound and validated (with messages naming the setting) on start-up.
        var database = new DatabaseOptions();
        if (builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Path)}"] is { Length: > 0 } path)
        {
            database.Path = path;
        }

        var keys = new KeyStorageOptions { KeysPath = builder.Configuration[$"{KeyStorageOptions.SectionName}:{nameof(KeyStorageOptions.KeysPath)}"] ?? "" };
        var databasePath = database.ResolvePath(contentRoot);
        builder
            .Services.AddDataProtection()
            .SetApplicationName("SspPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(keys.ResolvePath(contentRoot, databasePath)));
    }

    internal static string BuildConnectionString(DatabaseOptions options, string contentRoot) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = options.ResolvePath(contentRoot), Pooling = true }.ToString();
}
