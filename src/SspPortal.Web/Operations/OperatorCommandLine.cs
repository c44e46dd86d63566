using System.Globalization;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Operations;

/// <summary>A parsed operator command line.</summary>
internal abstract record OperatorCommand
{
    public sealed record Help : OperatorCommand;

    public sealed record Wrong(string Message) : OperatorCommand;

    public sealed record Migrate : OperatorCommand;

    /// <summary><c>migrate --script</c>: print the idempotent SQL instead of applying it.</summary>
    public sealed record MigrateScript : OperatorCommand;

    public sealed record ListTenants : OperatorCommand;

    public sealed record AddTenant(AddTenantRequest Request) : OperatorCommand;

    public sealed record UpdateTenant(UpdateTenantRequest Request) : OperatorCommand;
}

/// <summary>Reads <c>migrate</c>, <c>tenants list</c>, <c>tenants add …</c> and <c>tenants set …</c>. Options take <c>--name value</c> or <c>--name=value</c>.</summary>
internal static class OperatorCommandLine
{
    public static OperatorCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            return new OperatorCommand.Help();
        }

        return args.ToArray() switch
        {
            ["migrate"] => new OperatorCommand.Migrate(),
            ["migrate", "--script"] => new OperatorCommand.MigrateScript(),
            ["migrate", .. var rest] => new OperatorCommand.Wrong($"migrate takes no arguments but --script (got: {string.Join(' ', rest)})."),
            ["tenants", "list"] => new OperatorCommand.ListTenants(),
            ["tenants", "list", .. var rest] => new OperatorCommand.Wrong($"tenants list takes no arguments (got: {string.Join(' ', rest)})."),
            ["tenants", "add", .. var rest] => ParseAdd(rest),
            ["tenants", "set", .. var rest] => ParseSet(rest),
            ["tenants", var other, ..] => new OperatorCommand.Wrong(
                $"Unknown tenants command '{other}': use 'tenants list', 'tenants add' or 'tenants set'."
            ),
            ["tenants"] => new OperatorCommand.Wrong("Say what to do with tenants: 'tenants list', 'tenants add' or 'tenants set'."),
            _ => new OperatorCommand.Wrong($"Unknown command '{string.Join(' ', args)}'."),
        };
    }

    /// <summary>The command-line spelling of a validation error's field.</summary>
    public static string OptionFor(string path) =>
        path switch
        {
            "id" => "<id>",
            "domain" => "--domain",
            "display_name" => "--name",
            "max_profiles" => "--max-profiles",
            "entra_tenant_id" => "--entra-tenant-id",
            "login_callback_url" => "--login-callback-url",
            "entity_id_template" => "--entity-id-template",
            _ when path.StartsWith("custom_domains[", StringComparison.Ordinal) => $"--custom-domain #{CustomDomainNumber(path)}",
            _ => path,
        };

    private static OperatorCommand ParseAdd(IReadOnlyList<string> args)
    {
        var options = ReadTenantOptions(args, "tenants add");
        if (options.Problem is { } problem)
        {
            return new OperatorCommand.Wrong(problem);
        }

        if (options.Id is null)
        {
            return new OperatorCommand.Wrong("tenants add needs a tenant id, e.g. tenants add acme --domain acme.example.com");
        }

        if (options.Domain is null)
        {
            return new OperatorCommand.Wrong("tenants add needs --domain <host[:port]>: the host ticket URLs use.");
        }

        return new OperatorCommand.AddTenant(
            new AddTenantRequest(
                options.Id,
                options.Domain,
                options.Name,
                options.CustomDomains ?? [],
                options.MaxProfiles,
                options.EntraTenantId,
                options.LoginCallbackUrl,
                options.EntityIdTemplate
            )
        );
    }

    private static OperatorCommand ParseSet(IReadOnlyList<string> args)
    {
        var options = ReadTenantOptions(args, "tenants set");
        if (options.Problem is { } problem)
        {
            return new OperatorCommand.Wrong(problem);
        }

        if (options.Id is null)
        {
            return new OperatorCommand.Wrong("tenants set needs a tenant id, e.g. tenants set acme --login-callback-url https://login.acme.com/callback");
        }

        if (options.OptionCount == 0)
        {
            return new OperatorCommand.Wrong($"tenants set {options.Id} needs at least one option to change.");
        }

        return new OperatorCommand.UpdateTenant(
            new UpdateTenantRequest(
                options.Id,
                options.Domain,
                options.Name,
                options.CustomDomains,
                options.MaxProfiles,
                options.EntraTenantId,
                options.LoginCallbackUrl,
                options.EntityIdTemplate
            )
        );
    }

    /// <summary>What a tenant command line says; null values were not given.</summary>
    private sealed class TenantOptions
    {
        public string? Id { get; set; }

        public string? Domain { get; set; }

        public string? Name { get; set; }

        public List<string>? CustomDomains { get; set; }

        public int? MaxProfiles { get; set; }

        public string? EntraTenantId { get; set; }

        public string? LoginCallbackUrl { get; set; }

        public string? EntityIdTemplate { get; set; }

        public int OptionCount { get; set; }

        public string? Problem { get; set; }
    }

    private static TenantOptions ReadTenantOptions(IReadOnlyList<string> args, string command)
    {
        var options = new TenantOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (options.Id is not null)
                {
                    options.Problem = $"Unexpected argument '{arg}': the tenant id is already '{options.Id}'.";
                    return options;
                }

                options.Id = arg;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var option = equals > 0 ? arg[..equals] : arg;
            string? value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                options.Problem = $"{option} needs a value.";
                return options;
            }

            options.OptionCount++;
            switch (option)
            {
                case "--domain":
                    options.Domain = value;
                    break;
                case "--custom-domain":
                    (options.CustomDomains ??= []).Add(value);
                    break;
                case "--name" or "--display-name":
                    options.Name = value;
                    break;
                case "--max-profiles":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                    {
                        options.Problem = $"--max-profiles must be a whole number from 1 to 20 (got '{value}').";
                        return options;
                    }

                    options.MaxProfiles = limit;
                    break;
                case "--entra-tenant-id":
                    options.EntraTenantId = value;
                    break;
                case "--login-callback-url":
                    options.LoginCallbackUrl = value;
                    break;
                case "--entity-id-template":
                    options.EntityIdTemplate = value;
                    break;
                default:
                    options.Problem = $"Unknown option '{option}' for {command}.";
                    return options;
            }
        }

        return options;
    }

    private static int CustomDomainNumber(string path) =>
        int.TryParse(path.AsSpan()["custom_domains[".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index + 1
            : 0;
}
