namespace SspPortal.E2E.Infrastructure;

/// <summary>Where things are: the repository root (the folder with <c>SspPortal.sln</c>) and the artifacts folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary><c>artifacts/e2e</c> at the repository root: screenshots and logs of the end-to-end run.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts", "e2e");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string OidcProviderDirectory => Path.Combine(Root, "e2e", "oidc-provider");

    public static string WebProjectDirectory => Path.Combine(Root, "src", "SspPortal.Web");

    /// <summary>
    /// The built <c>SspPortal.Web</c> executable: <c>$SSP_PORTAL_APP</c> if set, else the Web project's output for the
    /// same configuration, framework and runtime as this test assembly, else the newest build found.
    /// </summary>
    public static string WebExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SSP_PORTAL_APP");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new FileNotFoundException($"SSP_PORTAL_APP points at '{fromEnvironment}', which does not exist.");
        }

        var name = OperatingSystem.IsWindows() ? "SspPortal.Web.exe" : "SspPortal.Web";
        var testProject = Path.Combine(Root, "e2e", "SspPortal.E2E");
        var outputSuffix = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        var matching = Path.Combine(WebProjectDirectory, outputSuffix, name);
        if (!outputSuffix.StartsWith("..", StringComparison.Ordinal) && File.Exists(matching))
        {
            return matching;
        }

        var newest = new DirectoryInfo(Path.Combine(WebProjectDirectory, "bin"))
            .EnumerateFiles(name, SearchOption.AllDirectories)
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .FirstOrDefault();
        return newest?.FullName
            ?? throw new FileNotFoundException($"No built {name} under {WebProjectDirectory}/bin: build the solution first.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SspPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SspPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
