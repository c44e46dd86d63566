using System.Globalization;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Operations;

/// <summary>A parsed operator command line.</summary>
internal abstract record OperatorCommand
{
    public sealed record Help : OperatorCommand;

    public sealed record Wrong(string Message) : OperatorCommand;

    public sealed record Migrate : OperatorCommand;

    public sealed record ListTenants : OperatorCommand;

    public sealed record AddTenant(AddTenantRequest Request) : OperatorCommand;
}

/// <summary>Reads <c>migrate</c>, <c>tenants list</c> and <c>tenants add …</c>. Options take <c>--name value</c> or <c>--name=value</c>.</summary>
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
            ["migrate", .. var rest] => new OperatorCommand.Wrong($"migrate takes no arguments (got: {string.Join(' ', rest)})."),
            ["tenants", "list"] => new OperatorCommand.ListTenants(),
            ["tenants", "list", .. var rest] => new OperatorCommand.Wrong($"tenants list takes no arguments (got: {string.Join(' ', rest)})."),
            ["tenants", "add", .. var rest] => ParseAdd(rest),
            ["tenants", var other, ..] => new OperatorCommand.Wrong($"Unknown tenants command '{other}': use 'tenants list' or 'tenants add'."),
            ["tenants"] => new OperatorCommand.Wrong("Say what to do with tenants: 'tenants list' or 'tenants add'."),
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
            _ when path.StartsWith("custom_domains[", StringComparison.Ordinal) => $"--custom-domain #{CustomDomainNumber(path)}",
            _ => path,
        };

    private static OperatorCommand ParseAdd(IReadOnlyList<string> args)
    {
        string? id = null;
        string? domain = null;
        string? name = null;
        int? maxProfiles = null;
        var customDomains = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (id is not null)
                {
                    return new OperatorCommand.Wrong($"Unexpected argument '{arg}': the tenant id is already '{id}'.");
                }

                id = arg;
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
                return new OperatorCommand.Wrong($"{option} needs a value.");
            }

            switch (option)
            {
                case "--domain":
                    domain = value;
                    break;
                case "--custom-domain":
                    customDomains.Add(value);
                    break;
                case "--name" or "--display-name":
                    name = value;
                    break;
                case "--max-profiles":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                    {
                        return new OperatorCommand.Wrong($"--max-profiles must be a whole number from 1 to 20 (got '{value}').");
                    }

                    maxProfiles = limit;
                    break;
                default:
                    return new OperatorCommand.Wrong($"Unknown option '{option}' for tenants add.");
            }
        }

        if (id is null)
        {
            return new OperatorCommand.Wrong("tenants add needs a tenant id, e.g. tenants add acme --domain acme.example.com");
        }

        if (domain is null)
        {
            return new OperatorCommand.Wrong("tenants add needs --domain <host[:port]>: the host ticket URLs use.");
        }

        return new OperatorCommand.AddTenant(new AddTenantRequest(id, domain, name, customDomains, maxProfiles));
    }

    private static int CustomDomainNumber(string path) =>
        int.TryParse(path.AsSpan()["custom_domains[".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index + 1
            : 0;
}
