using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Connections;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.SetupFlow;
using SspPortal.Web.Operations;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

/// <summary>
/// The Data Protection key ring lives in the database, so protected values (client secrets, cookies) survive a restart
/// and are shared by instances; an earlier release's key folder is imported; a lost key shows.
/// </summary>
public sealed class KeyStorageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string?> Settings => new() { ["Database:Path"] = _folder.DatabasePath };

    private string KeysFolder => Path.Combine(Path.GetDirectoryName(_folder.DatabasePath)!, "keys");

    [Fact]
    public async Task Unprotect_ReadsWhatTheLastRunProtected_WhenTheAppRestartsOnTheSameDatabase()
    {
        string protectedText;
        await using (var first = new SspWebApplicationFactory("Testing", Settings))
        {
            protectedText = Protector(first).Protect("client-secret-value");
        }

        await using var second = new SspWebApplicationFactory("Testing", Settings);
        var text = Protector(second).Unprotect(protectedText);

        Assert.Equal("client-secret-value", text);
        Assert.NotEmpty(await KeyRowsAsync(second));
        Assert.False(Directory.Exists(KeysFolder), "The key ring is in the database now, not in a folder.");
    }

    [Fact]
    public async Task Start_ImportsTheKeyFolderOfAnEarlierRelease_SoThatWhatItProtectedStaysReadable()
    {
        var earlier = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder), b => b.SetApplicationName("SspPortal"));
        var protectedText = new FlowSecrets(earlier).ProtectForConnection("stored-by-the-earlier-release");
        var keyFiles = Directory.GetFiles(KeysFolder, "key-*.xml");

        await using var factory = new SspWebApplicationFactory("Testing", Settings);
        var text = new FlowSecrets(factory.Services.GetRequiredService<IDataProtectionProvider>()).UnprotectForConnection(protectedText);

        Assert.Equal("stored-by-the-earlier-release", text);
        var rows = await KeyRowsAsync(factory);
        Assert.Equal(keyFiles.Select(Path.GetFileNameWithoutExtension).Order(), rows.Select(r => r.FriendlyName).Order());
        Assert.Equal(keyFiles, Directory.GetFiles(KeysFolder, "key-*.xml"));
    }

    [Fact]
    public async Task Ready_IsDegradedAndLogsAWarning_WhenAStoredClientSecretsKeyIsLost()
    {
        var lostKeys = Path.Combine(_folder.Path, "lost-keys");
        var lost = DataProtectionProvider.Create(new DirectoryInfo(lostKeys), b => b.SetApplicationName("SspPortal"));
        var unreadable = new FlowSecrets(lost).ProtectForConnection("nobody can read this any more");
        var logs = new ConcurrentQueue<string>();
        await using var factory = new SspWebApplicationFactory("Testing", Settings).WithWebHostBuilder(b =>
            b.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(logs)))
        );
        using var client = factory.CreateClient();
        await AddConnectionAsync(factory.Services, "con_aaaaaaaaaaaaaaaa", unreadable);

        var body = await ReadyBodyAsync(client);

        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var check = body.GetProperty("checks").GetProperty("key_ring");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Contains("con_aaaaaaaaaaaaaaaa", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(logs, line => line.Contains("cannot be decrypted", StringComparison.Ordinal) && line.Contains("con_aaaaaaaaaaaaaaaa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WarnsThatTheKeysAreUnencrypted_WhenProductionHasNoCertificate()
    {
        var logs = new ConcurrentQueue<string>();

        await using var factory = new SspWebApplicationFactory("Production", Settings).WithWebHostBuilder(b =>
            b.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(logs)))
        );
        _ = factory.Services;

        Assert.Contains(logs, line => line.Contains("stored unencrypted", StringComparison.Ordinal) && line.Contains("DataProtection:Certificate:Path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Protect_StoresTheKeysEncrypted_WhenACertificateIsConfigured()
    {
        var pfx = Path.Combine(_folder.Path, "keys.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=SspPortal key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var settings = Settings;
        settings["DataProtection:Certificate:Path"] = pfx;
        settings["DataProtection:Certificate:Password"] = "pfx-password";
        var logs = new ConcurrentQueue<string>();
        string protectedText;
        await using (var first = new SspWebApplicationFactory("Production", settings).WithWebHostBuilder(b =>
            b.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(logs)))
        ))
        {
            protectedText = Protector(first).Protect("client-secret-value");
            var xml = Assert.Single(await KeyRowsAsync(first)).Xml;
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }

        await using var second = new SspWebApplicationFactory("Production", settings);

        Assert.Equal("client-secret-value", Protector(second).Unprotect(protectedText));
        Assert.DoesNotContain(logs, line => line.Contains("stored unencrypted", StringComparison.Ordinal));
    }

    private static IDataProtector Protector(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyStorageTests");

    private static async Task<List<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>> KeyRowsAsync(WebApplicationFactory<Program> factory)
    {
        await using var db = factory.Services.GetRequiredService<SspDbContextFactory>().Unscoped();
        return await db.DataProtectionKeys.AsNoTracking().ToListAsync();
    }

    private static async Task AddConnectionAsync(IServiceProvider services, string id, string protectedSecret)
    {
        await using var db = services.GetRequiredService<SspDbContextFactory>().Unscoped();
        db.Connections.Add(
            new Connection
            {
                Id = id,
                TenantId = "some-tenant",
                Name = "lost-key",
                Strategy = "oidc",
                OptionsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = "x", ["client_secret"] = protectedSecret }),
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            }
        );
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> ReadyBodyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(OperationsHosting.ReadyPath, UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)}");
        }
    }
}
