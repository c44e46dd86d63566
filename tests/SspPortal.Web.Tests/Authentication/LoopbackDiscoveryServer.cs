using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SspPortal.Web.Tests.Authentication;

/// <summary>
/// A provider's discovery side on 127.0.0.1 for handler tests: any <c>{path}/.well-known/openid-configuration</c>
/// describes the issuer <c>{base}{path}</c> (so an Entra-shaped <c>{tenant}/v2.0</c> authority works as well as a
/// bare one) with its authorize, token and end-session endpoints, and <c>/jwks</c> publishes one RSA key. Its token
/// endpoint answers any code with an id token signed by that key, carrying <see cref="IdTokenClaims"/> (a test sets
/// them, the nonce included, after reading the authorize request the portal built).
/// </summary>
internal sealed class LoopbackDiscoveryServer : IAsyncDisposable
{
    private const string Discovery = "/.well-known/openid-configuration";
    private const string KeyId = "loopback-1";

    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private LoopbackDiscoveryServer(int port) => BaseUrl = new Uri($"http://127.0.0.1:{port}/");

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The claims of the next id tokens (besides <c>iss</c>, <c>iat</c>, <c>nbf</c> and <c>exp</c>, which the server sets).</summary>
    public Dictionary<string, object> IdTokenClaims { get; set; } = [];

    /// <summary>How many code exchanges the token endpoint answered.</summary>
    public int TokenRequests { get; private set; }

    public static LoopbackDiscoveryServer Start()
    {
        var server = new LoopbackDiscoveryServer(FreePort());
        server._listener.Prefixes.Add(server.BaseUrl.ToString());
        server._listener.Start();
        server._loop = server.ServeAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped while waiting for a request.
        }

        _listener.Close();
        _rsa.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            var path = context.Request.Url!.AbsolutePath;
            var (status, body) =
                path.EndsWith(Discovery, StringComparison.Ordinal) ? (200, DiscoveryDocument(Issuer(path, Discovery)))
                : path == "/jwks" ? (200, KeySet())
                : path.EndsWith("/token", StringComparison.Ordinal) && context.Request.HttpMethod == "POST" ? (200, TokenResponse(Issuer(path, "/token")))
                : (404, """{"error":"not_found"}""");
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string Issuer(string path, string suffix) => BaseUrl.ToString().TrimEnd('/') + path[..^suffix.Length];

    private string TokenResponse(string issuer)
    {
        TokenRequests++;
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = IdTokenClaims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        var idToken = new JsonWebTokenHandler().CreateToken(descriptor);
        return JsonSerializer.Serialize(new { access_token = "loopback-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private string DiscoveryDocument(string issuer) =>
        JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["end_session_endpoint"] = issuer + "/logout",
                ["jwks_uri"] = BaseUrl + "jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            }
        );

    private string KeySet()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(
            new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        alg = "RS256",
                        kid = KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            }
        );
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
