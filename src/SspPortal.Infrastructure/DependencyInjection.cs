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

        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.Configure<DatabaseOptions>(database =>
            database.ConnectionString ??= builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
        );

        var contentRoot = builder.Environment.ContentRootPath;
        var writeGate = new SqliteWriteGate();
        builder.Services.AddPooledDbContextFactory<SspDbContext>(
            (services, options) =>
            {
                var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                DatabaseProviderSetup.Configure(options, database, contentRoot);

                // SQLite allows one writer: writes queue in-process, and the synchronous setting applies per connection.
                if (database.ProviderKind == DatabaseProvider.Sqlite)
                {
                    options.AddInterceptors(writeGate, new SqliteConnectionSettings(database.SynchronousMode));
                }
            }
        );
        builder.AddKeyStorage(contentRoot);
        builder.Services.AddSingleton<SspDbContextFactory>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ITenantDirectory, TenantDirectory>();
        builder.Services.AddApplicationServices();

        return builder;
    }
}
