using System.Globalization;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Operations;

/// <summary>
/// The operator commands (<c>migrate</c>, <c>tenants list</c>, <c>tenants add</c>, <c>tenants set</c>). They run instead of the web
/// server when the first argument names one, with the same configuration and database as the app.
/// Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
/// </summary>
public static class OperatorCommands
{
    public const string Usage = """
        Usage (with dotnet run: dotnet run --project src/SspPortal.Web -- <command>):
          migrate [--script]
              Apply pending database migrations to the configured database (Database:Provider).
              --script prints the idempotent SQL of every migration for that engine instead (nothing is applied,
              nothing is connected to): a DBA can review it and run it by hand.
          tenants list
              List the tenants.
          tenants add <id> --domain <host[:port]> [--custom-domain <host>]... [--name <display name>] [--max-profiles <1-20>]
                      [--entra-tenant-id <guid>] [--login-callback-url <https url>] [--entity-id-template <uri>]
              Add a tenant. <id> is a slug (lower-case letters, digits, dashes); --domain is the host ticket URLs use;
              --custom-domain may be given several times; --name (or --display-name) defaults to the id;
              --max-profiles overrides SelfService:MaxProfilesPerTenant; --entra-tenant-id maps portal users who sign
              in through Entra ID (their tid claim) to this tenant; --login-callback-url is where the tenant's own
              sign-in system receives identity provider responses (shown in the setup flow; default
              https://<domain>/login/callback); --entity-id-template is its entity id for a connection, with
              {connection} for the connection's name (default urn:sspportal:<id>:{connection}).
          tenants set <id> [the options of tenants add]...
              Change a tenant: only the options given change; --custom-domain replaces the whole list;
              an empty value (--entra-tenant-id "") clears --entra-tenant-id, --login-callback-url or --entity-id-template.
        """;

    private static readonly string[] Verbs = ["migrate", "tenants"];

    /// <summary>Whether the arguments ask for an operator command rather than the web server.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs the command with the app's configuration and writes to the console.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, configure: null);

    /// <summary>Runs the command; <paramref name="configure"/> lets tests add settings.</summary>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Action<IHostApplicationBuilder>? configure
    )
    {
        var command = OperatorCommandLine.Parse(args);
        if (command is OperatorCommand.Help)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (command is OperatorCommand.Wrong wrong)
        {
            await error.WriteLineAsync(wrong.Message).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Command output goes to stdout; only warnings and errors are logged, and to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddInfrastructure();
        await using var app = builder.Build();
        var services = app.Services;

        try
        {
            _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SelfServiceOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync("Invalid settings: " + string.Join(" ", exception.Failures)).ConfigureAwait(false);
            return 1;
        }

        var database = services.GetRequiredService<DatabaseInitializer>();
        var tenants = services.GetRequiredService<ITenantDirectory>();
        try
        {
            return command switch
            {
                OperatorCommand.Migrate => await MigrateAsync(database, output).ConfigureAwait(false),
                OperatorCommand.MigrateScript => await ScriptAsync(database, services, output, error).ConfigureAwait(false),
                OperatorCommand.ListTenants => await PrepareDatabaseAsync(services, database, error).ConfigureAwait(false)
                    ? await ListTenantsAsync(tenants, output).ConfigureAwait(false)
                    : 1,
                OperatorCommand.AddTenant add => await PrepareDatabaseAsync(services, database, error).ConfigureAwait(false)
                    ? await AddTenantAsync(tenants, add.Request, output, error).ConfigureAwait(false)
                    : 1,
                OperatorCommand.UpdateTenant update => await PrepareDatabaseAsync(services, database, error).ConfigureAwait(false)
                    ? await UpdateTenantAsync(tenants, update.Request, output, error).ConfigureAwait(false)
                    : 1,
                _ => throw new InvalidOperationException($"Unhandled command {command}."),
            };
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await error.WriteLineAsync($"The database at {database.Target} cannot be used: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> ScriptAsync(DatabaseInitializer database, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ProviderKind == DatabaseProvider.Sqlite)
        {
            // EF Core cannot write an idempotent script for SQLite; the file is migrated by the app itself.
            await error
                .WriteLineAsync(
                    "migrate --script is for the server engines (Database:Provider SqlServer or PostgreSql): SQLite has no idempotent script. Run migrate (or start the app) to upgrade a SQLite file."
                )
                .ConfigureAwait(false);
            return 1;
        }

        await output.WriteAsync(database.Script()).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> MigrateAsync(DatabaseInitializer database, TextWriter output)
    {
        var applied = await database.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        if (applied.Count == 0)
        {
            await output.WriteLineAsync($"The database at {database.Target} is up to date.").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"Applied {applied.Count} migration(s) to {database.Target}:").ConfigureAwait(false);
        foreach (var migration in applied)
        {
            await output.WriteLineAsync("  " + migration).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Migrates first when the app would (Database:MigrateOnStartup); otherwise refuses an outdated schema.</summary>
    private static async Task<bool> PrepareDatabaseAsync(IServiceProvider services, DatabaseInitializer database, TextWriter error)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await database.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        var status = await database.CheckAsync(CancellationToken.None).ConfigureAwait(false);
        if (status.IsReady)
        {
            return true;
        }

        await error
            .WriteLineAsync(
                status.Reachable
                    ? $"The database at {database.Target} has {status.PendingMigrations.Count} pending migration(s): run the migrate command first."
                    : $"The database at {database.Target} cannot be used: {status.Error} Run the migrate command first."
            )
            .ConfigureAwait(false);
        return false;
    }

    private static async Task<int> ListTenantsAsync(ITenantDirectory tenants, TextWriter output)
    {
        var list = await tenants.ListAsync().ConfigureAwait(false);
        if (list.Count == 0)
        {
            await output.WriteLineAsync("No tenants yet. Add one with: tenants add <id> --domain <host>").ConfigureAwait(false);
            return 0;
        }

        string[] header = ["ID", "NAME", "DOMAIN", "CUSTOM DOMAINS", "MAX PROFILES"];
        var rows = list.Select(t =>
                new[]
                {
                    t.Id,
                    t.DisplayName,
                    t.Domain,
                    t.CustomDomains.Count == 0 ? "-" : string.Join(", ", t.CustomDomains),
                    t.MaxProfiles?.ToString(CultureInfo.InvariantCulture) ?? "default",
                }
            )
            .ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{list.Count} tenant(s).").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> AddTenantAsync(ITenantDirectory tenants, AddTenantRequest request, TextWriter output, TextWriter error)
    {
        var result = await tenants.AddAsync(request).ConfigureAwait(false);
        return await ReportAsync(result, "Added", "add", request.Id, output, error).ConfigureAwait(false);
    }

    private static async Task<int> UpdateTenantAsync(
        ITenantDirectory tenants,
        UpdateTenantRequest request,
        TextWriter output,
        TextWriter error
    )
    {
        var result = await tenants.UpdateAsync(request).ConfigureAwait(false);
        return await ReportAsync(result, "Updated", "change", request.Id, output, error).ConfigureAwait(false);
    }

    private static async Task<int> ReportAsync(
        Result<TenantDto> result,
        string done,
        string verb,
        string id,
        TextWriter output,
        TextWriter error
    )
    {
        if (result.IsOk)
        {
            var tenant = result.Value;
            await output.WriteLineAsync($"{done} tenant {tenant.Id} ({tenant.DisplayName}) with domain {tenant.Domain}.").ConfigureAwait(false);
            if (tenant.CustomDomains.Count > 0)
            {
                await output.WriteLineAsync("Custom domains: " + string.Join(", ", tenant.CustomDomains)).ConfigureAwait(false);
            }

            if (tenant.EntraTenantId is { } entra)
            {
                await output.WriteLineAsync("Entra tenant id: " + entra).ConfigureAwait(false);
            }

            if (tenant.LoginCallbackUrl is { } callback)
            {
                await output.WriteLineAsync("Login callback URL: " + callback).ConfigureAwait(false);
            }

            if (tenant.EntityIdTemplate is { } template)
            {
                await output.WriteLineAsync("Entity id template: " + template).ConfigureAwait(false);
            }

            return 0;
        }

        if (result.Status == ResultStatus.Invalid)
        {
            await error.WriteLineAsync($"Cannot {verb} tenant '{id}':").ConfigureAwait(false);
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync($"  {OperatorCommandLine.OptionFor(problem.Path)}: {problem.Reason}").ConfigureAwait(false);
            }

            return 1;
        }

        await error.WriteLineAsync($"Cannot {verb} tenant '{id}': {result.Message}").ConfigureAwait(false);
        return 1;
    }
}
