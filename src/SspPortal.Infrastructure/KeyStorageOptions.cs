namespace SspPortal.Infrastructure;

/// <summary>
/// The <c>DataProtection</c> settings section. ASP.NET Core Data Protection keeps its key ring in the database (so every
/// instance shares it); the keys protect sign-in cookies, flow sessions and the connections' client secrets, so they
/// must outlive a restart. <see cref="KeysPath"/> is the folder earlier releases kept them in: its keys are imported.
/// </summary>
public sealed class KeyStorageOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// The key folder of earlier releases, relative to the content root unless absolute; empty: a <c>keys</c> folder
    /// beside the SQLite file (none for the server engines). Keys found there are imported into the database on start-up.
    /// </summary>
    public string KeysPath { get; set; } = "";

    /// <summary>A PFX file whose certificate encrypts the keys at rest (<c>DataProtection:Certificate:Path</c>); empty: unencrypted.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PFX file's password (<c>DataProtection:Certificate:Password</c>); keep it out of files.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>The absolute path of the key folder.</summary>
    public string ResolvePath(string contentRoot, string databasePath) =>
        string.IsNullOrWhiteSpace(KeysPath)
            ? Path.Combine(Path.GetDirectoryName(databasePath) ?? contentRoot, "keys")
            : Path.GetFullPath(Path.IsPathRooted(KeysPath) ? KeysPath : Path.Combine(contentRoot, KeysPath));
}
