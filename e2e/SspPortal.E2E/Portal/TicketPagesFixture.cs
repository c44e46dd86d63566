using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SspPortal.E2E.Infrastructure;

namespace SspPortal.E2E.Portal;

/// <summary>
/// The portal with the development sign-in and, besides, the REST API accepting tokens this fixture signs (HS256), so
/// that a test can set up many profiles and tickets through the API before it looks at them in the browser.
/// </summary>
public sealed class TicketPagesFixture : PortalFixture
{
    private const string Issuer = "https://issuer.e2e.test/";
    private const string Audience = "https://api.e2e.test/";
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly HttpClient _http = new();

    public override bool UsesOpenIdConnect => false;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["SelfService:MaxProfilesPerTenant"] = "20",
            ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(_signingKey),
        };

    /// <summary>Creates a profile in tenant <c>acme</c> through the API; returns its id.</summary>
    public async Task<string> CreateProfileAsync(string name)
    {
        using var response = await SendAsync(HttpMethod.Post, "self-service-profiles", new { name });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Updates a profile's description through the API.</summary>
    public async Task UpdateProfileAsync(string profileId, string description)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"self-service-profiles/{profileId}", new { description });
    }

    /// <summary>Issues a ticket for the profile through the API (reserving <paramref name="connectionName"/>); returns its URL.</summary>
    public async Task<string> IssueTicketAsync(string profileId, string connectionName)
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            $"self-service-profiles/{profileId}/sso-ticket",
            new { connection_config = new { name = connectionName } }
        );
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }

    /// <summary>Revokes a ticket through the API, by the secret in its URL.</summary>
    public async Task RevokeTicketAsync(string profileId, string ticketUrl)
    {
        var secret = new Uri(ticketUrl).Query.Split("ticket=")[1];
        using var response = await SendAsync(HttpMethod.Post, $"self-service-profiles/{profileId}/sso-ticket/{secret}/revoke", null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, "api/v2/" + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return response;
    }

    private string Token()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = Audience,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddMinutes(30),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "e2e-setup@clients",
                    ["ssp_tenant"] = Acme.Id,
                    ["scope"] = "read:self_service_profiles create:self_service_profiles update:self_service_profiles create:sso_access_tickets delete:sso_access_tickets",
                },
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(_signingKey), SecurityAlgorithms.HmacSha256),
            }
        );
    }
}

[CollectionDefinition(Name)]
public sealed class TicketPagesCollection : ICollectionFixture<TicketPagesFixture>
{
    public const string Name = "Ticket and audit pages";
}
