using System.Net;
using System.Net.Sockets;

namespace SspPortal.E2E.Infrastructure;

/// <summary>
/// A tenant the fixture creates with the app's <c>tenants add</c> command before the app starts. Without a
/// <paramref name="Domain"/> the tenant's domain is the app's own <c>127.0.0.1:&lt;port&gt;</c>, so its ticket URLs open here.
/// </summary>
public sealed record TestTenant(string Id, string DisplayName, string? Domain = null);

/// <summary>
/// The real portal, run as its built executable on 127.0.0.1 and a free port, with its own temporary SQLite file.
/// Settings are passed as environment variables (<c>Section__Key</c>).
/// </summary>
public sealed class PortalAppServer : IAsyncDisposable
{
    private readonly string _executable;
    private readonly Dictionary<string, string?> _environment;
    private readonly string _directory;
    private ChildProcess? _process;

    private PortalAppServer(string executable, Dictionary<string, string?> environment, string directory, Uri baseUrl)
    {
        _executable = executable;
        _environment = environment;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The app's SQLite file (in a temporary folder removed on dispose).</summary>
    public string DatabasePath => Path.Combine(_directory, "sspportal.db");

    /// <summary>What the app wrote to stdout and stderr.</summary>
    public string Output => _process?.Output ?? "";

    public bool HasExited => _process?.HasExited ?? false;

    /// <summary>Prepares the app (nothing runs yet): a temporary folder, a free port and the environment.</summary>
    public static PortalAppServer Create(string environmentName, IReadOnlyDictionary<string, string?> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sspportal-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["Database__Path"] = Path.Combine(directory, "sspportal.db"),
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new PortalAppServer(RepositoryPaths.WebExecutable(), environment, directory, baseUrl);
    }

    /// <summary>Sets one app setting (a configuration key such as <c>Authentication:OpenIdConnect:Authority</c>) before start.</summary>
    public void SetSetting(string key, string? value) => _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

    /// <summary>Runs the app's command line (e.g. <c>tenants add …</c>) against the same database; fails on a non-zero exit.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(
            $"SspPortal.Web {string.Join(' ', arguments)}",
            _executable,
            arguments,
            RepositoryPaths.WebProjectDirectory,
            _environment,
            TimeSpan.FromMinutes(2)
        );
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'SspPortal.Web {string.Join(' ', arguments)}' exited with {exitCode}:{Environment.NewLine}{output}");
    }

    /// <summary>Creates a tenant with the app's <c>tenants add</c> command.</summary>
    public Task<string> AddTenantAsync(TestTenant tenant) =>
        RunCommandAsync("tenants", "add", tenant.Id, "--domain", tenant.Domain ?? BaseUrl.Authority, "--name", tenant.DisplayName);

    /// <summary>Starts the app and waits until it answers HTTP.</summary>
    public async Task StartAsync()
    {
        _process = ChildProcess.Start(
            "SspPortal.Web",
            _executable,
            ["--urls", BaseUrl.ToString().TrimEnd('/')],
            RepositoryPaths.WebProjectDirectory,
            _environment
        );

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync("health/live");
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not answer at {BaseUrl} within 90 s:{Environment.NewLine}{Output}");
    }

    /// <summary>Runs the app to its exit (for start-up checks) and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunToExitAsync(TimeSpan timeout) =>
        await ChildProcess.RunAsync(
            "SspPortal.Web",
            _executable,
            ["--urls", BaseUrl.ToString().TrimEnd('/')],
            RepositoryPaths.WebProjectDirectory,
            _environment,
            timeout
        );

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the OS temp cleanup gets it.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
