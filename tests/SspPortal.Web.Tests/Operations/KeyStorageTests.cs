using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Web.Tests.Testing;

namespace SspPortal.Web.Tests.Operations;

/// <summary>The Data Protection key ring lives on disk, so protected values (client secrets, cookies) survive a restart.</summary>
public sealed class KeyStorageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Unprotect_ReadsWhatTheLastRunProtected_WhenTheAppRestartsOnTheSameDatabase()
    {
        var settings = new Dictionary<string, string?> { ["Database:Path"] = _folder.DatabasePath };
        string protectedText;
        await using (var first = new SspWebApplicationFactory("Testing", settings))
        {
            protectedText = Protector(first).Protect("client-secret-value");
        }

        await using var second = new SspWebApplicationFactory("Testing", settings);
        var text = Protector(second).Unprotect(protectedText);

        Assert.Equal("client-secret-value", text);
        var keys = Path.Combine(Path.GetDirectoryName(_folder.DatabasePath)!, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task Protect_WritesTheKeyRingToTheConfiguredFolder_WhenKeysPathIsSet()
    {
        var keys = Path.Combine(_folder.Path, "elsewhere", "keys");
        await using var factory = new SspWebApplicationFactory(
            "Testing",
            new Dictionary<string, string?> { ["Database:Path"] = _folder.DatabasePath, ["DataProtection:KeysPath"] = keys }
        );

        _ = Protector(factory).Protect("x");

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_folder.DatabasePath)!, "keys")));
    }

    private static IDataProtector Protector(SspWebApplicationFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyStorageTests");
}
