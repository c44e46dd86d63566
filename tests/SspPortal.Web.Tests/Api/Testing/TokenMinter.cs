using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Web.Tests.Api.Testing;

/// <summary>Signs access tokens with the key the app under test is configured with (HS256).</summary>
public sealed class TokenMinter(string issuer, string audience, byte[] key)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public string Create(string? tenant, IEnumerable<string> scopes, Action<SecurityTokenDescriptor>? adjust = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "client-1@clients", ["scope"] = string.Join(' ', scopes) };
        if (tenant is not null)
        {
            claims["ssp_tenant"] = tenant;
        }

        return Create(claims, adjust);
    }

    /// <summary>A token with exactly these claims (besides issuer, audience and lifetime).</summary>
    public string Create(IDictionary<string, object> claims, Action<SecurityTokenDescriptor>? adjust = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        adjust?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    /// <summary>The same claims signed with another key.</summary>
    public static string SignedWithOtherKey(string tenant, IEnumerable<string> scopes) =>
        new TokenMinter(ApiFactory.Issuer, ApiFactory.Audience, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Create(
            tenant,
            scopes
        );
}
