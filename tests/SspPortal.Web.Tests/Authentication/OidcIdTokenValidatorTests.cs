using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SspPortal.Web.Authentication.OpenIdConnect;

namespace SspPortal.Web.Tests.Authentication;

public sealed class OidcIdTokenValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestTokenIssuer _issuer = new();

    private OidcIdTokenValidator Validator(OpenIdConnectConfiguration? configuration = null, DateTimeOffset? now = null) =>
        new(TestTokenIssuer.Static(configuration ?? _issuer.Configuration()), new FakeTimeProvider(now ?? Now));

    [Fact]
    public async Task Validate_ReturnsClaims_WhenTokenIsValid()
    {
        var token = _issuer.CreateIdToken(Now, new Dictionary<string, object> { ["roles"] = new[] { "Admin", "Viewer" } });

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("user-1", result.Subject);
        Assert.Equal("Ada Admin", result.Identity!.FindFirst("name")?.Value);
        Assert.Equal(["Admin", "Viewer"], result.Identity.FindAll("roles").Select(c => c.Value));
    }

    [Fact]
    public async Task Validate_Fails_WhenSignedWithKeyTheProviderDoesNotPublish()
    {
        using var stranger = new TestTokenIssuer("key-stranger");
        var token = stranger.CreateIdToken(Now);

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Contains("key", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Validate_Fails_WhenSignatureIsTampered()
    {
        var token = _issuer.CreateIdToken(Now);
        var parts = token.Split('.');
        var forged = _issuer.CreateIdToken(Now, new Dictionary<string, object> { ["sub"] = "someone-else" }).Split('.')[1];

        var result = await Validator().ValidateAsync($"{parts[0]}.{forged}.{parts[2]}", TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Equal("The id token's signature is not valid.", result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenIssuerIsAnotherProvider()
    {
        var token = _issuer.CreateIdToken(Now, issuer: "https://evil.example.test");

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Equal("The id token was not issued by the configured provider.", result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenIssuedForAnotherClient()
    {
        var token = _issuer.CreateIdToken(Now, audience: "another-client");

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Equal("The id token was issued for another client.", result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenExpiredBeyondClockSkew()
    {
        var token = _issuer.CreateIdToken(Now, lifetime: TimeSpan.FromMinutes(5));
        var later = Now + TimeSpan.FromMinutes(5) + OidcIdTokenValidator.ClockSkew + TimeSpan.FromSeconds(1);

        var result = await Validator(now: later).ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Equal("The id token is expired or not yet valid.", result.Error);
    }

    [Fact]
    public async Task Validate_Succeeds_WhenExpiredWithinClockSkew()
    {
        var token = _issuer.CreateIdToken(Now, lifetime: TimeSpan.FromMinutes(5));
        var later = Now + TimeSpan.FromMinutes(6);

        var result = await Validator(now: later).ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenNotYetValid()
    {
        var token = _issuer.CreateIdToken(Now + TimeSpan.FromMinutes(10));

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Validate_Fails_WhenNonceDiffers()
    {
        var token = _issuer.CreateIdToken(Now);

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "another-nonce");

        Assert.False(result.IsValid);
        Assert.Equal("The id token's nonce does not match the sign-in request.", result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenNonceExpectedButMissing()
    {
        var token = _issuer.CreateIdToken(Now, new Dictionary<string, object> { ["nonce"] = "" });

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Validate_IgnoresNonce_WhenNoneExpected()
    {
        var token = _issuer.CreateIdToken(Now);

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, expectedNonce: null);

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenTokenIsNotAJwt()
    {
        var result = await Validator().ValidateAsync("not-a-token", TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
        Assert.Equal("The id token is not a well-formed JWT.", result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenSeveralAudiencesAndAzpIsAnotherClient()
    {
        var token = _issuer.CreateIdToken(
            Now,
            new Dictionary<string, object> { ["aud"] = new[] { TestTokenIssuer.ClientId, "other" }, ["azp"] = "other" }
        );

        var result = await Validator().ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Validate_RefreshesKeysOnceAndSucceeds_WhenProviderRotatedItsKey()
    {
        using var rotated = new TestTokenIssuer("key-2");
        var metadata = new RotatingConfigurationManager(
            TestTokenIssuer.Configuration(TestTokenIssuer.Issuer, _issuer.Key),
            TestTokenIssuer.Configuration(TestTokenIssuer.Issuer, _issuer.Key, rotated.Key)
        );
        var validator = new OidcIdTokenValidator(metadata, new FakeTimeProvider(Now));

        var result = await validator.ValidateAsync(rotated.CreateIdToken(Now), TestTokenIssuer.ClientId, "nonce-1");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(1, metadata.Refreshes);
    }

    [Fact]
    public async Task Validate_AcceptsEntraIssuerTemplate_WhenTidMatchesIssuer()
    {
        const string tid = "9188040d-6c67-4c5b-b112-36a304b66dad";
        var configuration = TestTokenIssuer.Configuration("https://login.microsoftonline.com/{tenantid}/v2.0", _issuer.Key);
        var token = _issuer.CreateIdToken(Now, new Dictionary<string, object> { ["tid"] = tid }, issuer: $"https://login.microsoftonline.com/{tid}/v2.0");

        var result = await Validator(configuration).ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Validate_Fails_WhenEntraIssuerIsForAnotherTenantThanTid()
    {
        var configuration = TestTokenIssuer.Configuration("https://login.microsoftonline.com/{tenantid}/v2.0", _issuer.Key);
        var token = _issuer.CreateIdToken(
            Now,
            new Dictionary<string, object> { ["tid"] = "tenant-a" },
            issuer: "https://login.microsoftonline.com/tenant-b/v2.0"
        );

        var result = await Validator(configuration).ValidateAsync(token, TestTokenIssuer.ClientId, "nonce-1");

        Assert.False(result.IsValid);
    }

    public void Dispose() => _issuer.Dispose();
}
