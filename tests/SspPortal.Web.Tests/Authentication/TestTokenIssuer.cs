using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>A provider in miniature for tests: an RSA signing key, a discovery document and signed id tokens.</summary>
internal sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "https://idp.example.test";
    public const string ClientId = "ssp-portal";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestTokenIssuer(string keyId = "key-1") => Key = new RsaSecurityKey(_rsa) { KeyId = keyId };

    public RsaSecurityKey Key { get; }

    /// <summary>A discovery document naming <paramref name="issuer"/> and publishing these keys.</summary>
    public static OpenIdConnectConfiguration Configuration(string issuer, params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    public OpenIdConnectConfiguration Configuration() => Configuration(Issuer, Key);

    public static IConfigurationManager<OpenIdConnectConfiguration> Static(OpenIdConnectConfiguration configuration) =>
        new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);

    /// <summary>An id token signed with this issuer's key; <paramref name="claims"/> are added to (and override) the defaults.</summary>
    public string CreateIdToken(DateTimeOffset now, IDictionary<string, object>? claims = null, string issuer = Issuer, string audience = ClientId, TimeSpan? lifetime = null)
    {
        var payload = new Dictionary<string, object> { ["sub"] = "user-1", ["nonce"] = "nonce-1", ["name"] = "Ada Admin" };
        foreach (var (key, value) in claims ?? new Dictionary<string, object>())
        {
            payload[key] = value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = payload.ContainsKey("aud") ? null : audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromMinutes(10)).UtcDateTime,
            Claims = payload,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}

/// <summary>Provider metadata that changes on refresh, as after a key rotation.</summary>
internal sealed class RotatingConfigurationManager(OpenIdConnectConfiguration before, OpenIdConnectConfiguration after)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public int Refreshes { get; private set; }

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) =>
        Task.FromResult(Refreshes == 0 ? before : after);

    public void RequestRefresh() => Refreshes++;
}
