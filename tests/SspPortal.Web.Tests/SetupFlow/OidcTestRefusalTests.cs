using Microsoft.Extensions.Time.Testing;
using SspPortal.Web.Authentication.OpenIdConnect;
using SspPortal.Web.SetupFlow.Localization;
using SspPortal.Web.SetupFlow.Testing;
using SspPortal.Web.Tests.Authentication;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>Why the connection test refused an id token, as the test step shows it: by the validator's code, in the visitor's language.</summary>
public sealed class OidcTestRefusalTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestTokenIssuer _issuer = new();

    public static TheoryData<string> Refusals() => new() { "signature", "issuer", "audience", "lifetime", "nonce", "malformed" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusal_IsTheValidatorsEnglishInEnglishAndTranslatedInGerman_WhenTokenIsRefused(string code)
    {
        var result = await ValidateAsync(code);

        var refusal = OidcTestClient.Refusal(result);

        Assert.False(result.IsValid);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal($"detail.idtoken.{code}", refusal.Code);
        Assert.Equal(result.Error, refusal.English);
        Assert.Equal(result.Error, FlowText.Message("en", refusal));
        Assert.Equal(FlowText.Translation("de")![$"detail.idtoken.{code}"], FlowText.Message("de", refusal));
        Assert.NotEqual(result.Error, FlowText.Message("de", refusal));
    }

    public void Dispose() => _issuer.Dispose();

    private Task<OidcIdTokenValidationResult> ValidateAsync(string refusal)
    {
        var validator = new OidcIdTokenValidator(TestTokenIssuer.Static(_issuer.Configuration()), new FakeTimeProvider(Now));
        var valid = _issuer.CreateIdToken(Now);
        return refusal switch
        {
            "signature" => validator.ValidateAsync(Tampered(valid), TestTokenIssuer.ClientId, "nonce-1"),
            "issuer" => validator.ValidateAsync(_issuer.CreateIdToken(Now, issuer: "https://evil.example.test"), TestTokenIssuer.ClientId, "nonce-1"),
            "audience" => validator.ValidateAsync(_issuer.CreateIdToken(Now, audience: "another-client"), TestTokenIssuer.ClientId, "nonce-1"),
            "lifetime" => validator.ValidateAsync(_issuer.CreateIdToken(Now - TimeSpan.FromHours(2), lifetime: TimeSpan.FromMinutes(5)), TestTokenIssuer.ClientId, "nonce-1"),
            "nonce" => validator.ValidateAsync(valid, TestTokenIssuer.ClientId, "another-nonce"),
            _ => validator.ValidateAsync("not-a-jwt", TestTokenIssuer.ClientId, "nonce-1"),
        };
    }

    private string Tampered(string token)
    {
        var parts = token.Split('.');
        var forged = _issuer.CreateIdToken(Now, new Dictionary<string, object> { ["sub"] = "someone-else" }).Split('.')[1];
        return $"{parts[0]}.{forged}.{parts[2]}";
    }
}
