using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SspPortal.Web.Tests.Testing;

/// <summary>
/// Hosts the whole app in memory on its own SQLite file in a temporary folder (migrated on start-up like the real
/// app), in the environment asked for (default <c>Testing</c>), with extra settings on top of appsettings.json.
/// The folder is deleted on dispose. Derive from it, or construct it in a test, to vary environment and settings.
/// </summary>
public class SspWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    public SspWebApplicationFactory()
        : this("Testing") { }

    public SspWebApplicationFactory(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        EnvironmentName = environment;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        _settings.TryAdd("Database:Path", _folder.DatabasePath);
        if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
        {
            // Outside Development the app refuses to start without a real sign-in; no test here signs in through it.
            _settings.TryAdd("Authentication:OpenIdConnect:Authority", "https://idp.example.test");
            _settings.TryAdd("Authentication:OpenIdConnect:ClientId", "sspportal-tests");
        }
    }

    public string EnvironmentName { get; }

    /// <summary>The temporary folder this host's files live in.</summary>
    public string DataFolder => _folder.Path;

    /// <summary>The database file (<c>Database:Path</c>) unless the settings chose another.</summary>
    public string DatabasePath => _settings["Database:Path"] ?? _folder.DatabasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
