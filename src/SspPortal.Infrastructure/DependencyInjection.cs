using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.Services;

namespace SspPortal.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The data layer and the implementations of the application services.</summary>
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
        builder.Services.AddPooledDbContextFactory<SspDbContext>(
            (services, options) =>
            {
                var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                options.UseSqlite(BuildConnectionString(database, contentRoot));
            }
        );
        builder.Services.AddSingleton<SspDbContextFactory>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddApplicationServices();

        return builder;
    }

    internal static string BuildConnectionString(DatabaseOptions options, string contentRoot)
    {
        var path = System.IO.Path.IsPathRooted(options.Path) ? options.Path : System.IO.Path.Combine(contentRoot, options.Path);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }
}
