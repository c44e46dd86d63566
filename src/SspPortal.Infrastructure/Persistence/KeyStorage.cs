using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// Data Protection's key ring in the database (<c>PersistKeysToDbContext</c> on the one context), so that instances over
/// one database share it; encrypted at rest with a certificate when <c>DataProtection:Certificate:Path</c> is set.
/// </summary>
internal static class KeyStorage
{
    public const string ApplicationName = "SspPortal";

    public static void AddKeyStorage(this IHostApplicationBuilder builder, string contentRoot)
    {
        var keys = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(keys);

        // Data Protection asks its scope for the context; every other use goes through SspDbContextFactory.
        builder.Services.AddScoped(services => services.GetRequiredService<SspDbContextFactory>().Unscoped());
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<SspDbContext>();
        if (LoadCertificate(keys, contentRoot) is { } certificate)
        {
            // Decryption on Linux finds the certificate only when it is named here, not in a store.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        builder.Services.AddSingleton<KeyRingImport>();
        builder.Services.AddSingleton<StoredSecretsCheck>();
    }

    /// <summary>Read as plain values at registration: Data Protection is configured before the host is built.</summary>
    private static KeyStorageOptions ReadOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(KeyStorageOptions.SectionName);
        return new KeyStorageOptions
        {
            KeysPath = section[nameof(KeyStorageOptions.KeysPath)] ?? "",
            CertificatePath = section["Certificate:Path"] ?? "",
            CertificatePassword = section["Certificate:Password"] ?? "",
        };
    }

    private static X509Certificate2? LoadCertificate(KeyStorageOptions keys, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(keys.CertificatePath))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.IsPathRooted(keys.CertificatePath) ? keys.CertificatePath : Path.Combine(contentRoot, keys.CertificatePath));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path names a file that does not exist: {path}.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, keys.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"DataProtection:Certificate:Path ({path}) cannot be read as a PFX file with DataProtection:Certificate:Password: {exception.Message}",
                exception
            );
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path ({path}) holds no private key: the keys could not be decrypted with it.");
        }

        return certificate;
    }
}
