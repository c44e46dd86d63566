namespace SspPortal.Infrastructure;

/// <summary>
/// The <c>DataProtection</c> settings section: where ASP.NET Core Data Protection keeps its key ring. The keys
/// protect sign-in cookies, flow sessions and the connections' client secrets, so they must outlive a restart.
/// </summary>
public sealed class KeyStorageOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The key folder, relative to the content root unless absolute; empty: a <c>keys</c> folder beside the database file.</summary>
    public string KeysPath { get; set; } = "";

    /// <summary>The absolute path of the key folder.</summary>
    public string ResolvePath(string contentRoot, string databasePath) =>
        string.IsNullOrWhiteSpace(KeysPath)
            ? Path.Combine(Path.GetDirectoryName(databasePath) ?? contentRoot, "keys")
            : Path.GetFullPath(Path.IsPathRooted(KeysPath) ? KeysPath : Path.Combine(contentRoot, KeysPath));
}
