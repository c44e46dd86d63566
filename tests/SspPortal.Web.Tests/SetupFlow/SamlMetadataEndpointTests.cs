using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>GET /self-service/saml/metadata: the metadata URL the configure step shows is served, and matches the values beside it.</summary>
public sealed class SamlMetadataEndpointTests : IAsyncLifetime
{
    private static readonly XNamespace Md = "urn:oasis:names:tc:SAML:2.0:metadata";
    private readonly FlowTestApp _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Metadata_DescribesTheServiceProviderShownInTheFlow_WhenTheConnectionIsReserved()
    {
        var values = await FlowValuesAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-saml" } });

        using var response = await Client().GetAsync(new Uri(values.MetadataUrl).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/samlmetadata+xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:sspportal:acme:acme-saml", document.Root!.Attribute("entityID")!.Value);
        Assert.Equal(values.EntityId, document.Root.Attribute("entityID")!.Value);
        var acs = document.Root.Element(Md + "SPSSODescriptor")!.Element(Md + "AssertionConsumerService")!;
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", acs.Attribute("Binding")!.Value);
        Assert.Equal(values.CallbackUrl, acs.Attribute("Location")!.Value);
        Assert.Equal($"https://{FlowTestApp.TenantDomain}/login/callback", values.CallbackUrl);
        Assert.Equal($"https://{FlowTestApp.TenantDomain}/self-service/saml/metadata?connection=acme-saml", values.MetadataUrl);
    }

    [Fact]
    public async Task Metadata_UsesTheTenantsLoginCallbackUrl_WhenTheTenantHasOne()
    {
        await _app.Get<ITenantDirectory>().UpdateAsync(new UpdateTenantRequest(FlowTestApp.TenantId, LoginCallbackUrl: "https://login.acme.com/sso/acs"));
        var values = await FlowValuesAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-own-acs" } });

        var body = await Client().GetStringAsync(new Uri(values.MetadataUrl).PathAndQuery);

        Assert.Equal("https://login.acme.com/sso/acs", values.CallbackUrl);
        Assert.Contains("Location=\"https://login.acme.com/sso/acs\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_UsesTheTenantsEntityIdTemplate_WhenTheTenantHasOne()
    {
        await _app.Get<ITenantDirectory>().UpdateAsync(new UpdateTenantRequest(FlowTestApp.TenantId, EntityIdTemplate: "urn:acme-login:{connection}"));
        var values = await FlowValuesAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-templated" } });

        var document = XDocument.Parse(await Client().GetStringAsync(new Uri(values.MetadataUrl).PathAndQuery));

        Assert.Equal("urn:acme-login:acme-templated", values.EntityId);
        Assert.Equal(values.EntityId, document.Root!.Attribute("entityID")!.Value);
    }

    [Fact]
    public async Task Metadata_ShowsTheReservedRandomName_WhenTheTicketNamedNoConnection()
    {
        var profile = await _app.CreateProfileAsync();
        var (secret, _) = await _app.IssueTicketAsync(profile.Id);
        var values = await ValuesForSecretAsync(secret);

        var document = XDocument.Parse(await Client().GetStringAsync(new Uri(values.MetadataUrl).PathAndQuery));

        Assert.Matches("^urn:sspportal:acme:sso-[a-z0-9]{16}$", values.EntityId);
        Assert.Equal(values.EntityId, document.Root!.Attribute("entityID")!.Value);
    }

    [Fact]
    public async Task Metadata_AnswersAlike_WhetherAConnectionHasTheNameOrNot()
    {
        var profile = await _app.CreateProfileAsync();
        var (secret, id) = await _app.IssueTicketAsync(profile.Id);
        var generated = (await ValuesForSecretAsync(secret)).EntityId["urn:sspportal:acme:".Length..];
        var guessed = "sso-" + new string('a', 16);

        using var reserved = await Client().GetAsync($"/self-service/saml/metadata?connection={generated}");
        using var unknown = await Client().GetAsync($"/self-service/saml/metadata?connection={guessed}");
        await _app.RevokeAsync(id);
        using var afterRevoke = await Client().GetAsync($"/self-service/saml/metadata?connection={generated}");

        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRevoke.StatusCode);
        var reservedBody = await reserved.Content.ReadAsStringAsync();
        Assert.Equal(reservedBody.Replace(generated, guessed, StringComparison.Ordinal), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(reservedBody, await afterRevoke.Content.ReadAsStringAsync());
        Assert.Equal(reserved.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("https://acme.example.com", "/self-service/saml/metadata")]
    [InlineData("https://acme.example.com", "/self-service/saml/metadata?connection=")]
    [InlineData("https://acme.example.com", "/self-service/saml/metadata?connection=not%20a%20name")]
    [InlineData("https://acme.example.com", "/self-service/saml/metadata?connection=-leading-dash")]
    [InlineData("https://unknown.example.net", "/self-service/saml/metadata?connection=acme-known")]
    public async Task Metadata_Returns404_WhenTheNameIsMissingOrMalformedOrTheHostIsUnknown(string host, string path)
    {
        await FlowValuesAsync(new IssueTicketRequest { ConnectionConfig = new ConnectionConfigInput { Name = "acme-known" } });

        using var response = await Client(host).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metadata_Returns404_WhenTheNameIsLongerThanTheContractAllows()
    {
        using var response = await Client().GetAsync($"/self-service/saml/metadata?connection={new string('a', 129)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<IdentityProviderValues> FlowValuesAsync(IssueTicketRequest request)
    {
        var profile = await _app.CreateProfileAsync();
        var (secret, _) = await _app.IssueTicketAsync(profile.Id, request);
        return await ValuesForSecretAsync(secret);
    }

    private async Task<IdentityProviderValues> ValuesForSecretAsync(string secret)
    {
        var flow = _app.Get<ITicketFlowService>();
        var opened = await flow.OpenAsync(secret);
        var view = await flow.GetAsync(opened.SessionToken!);
        Assert.True(view.IsOk, view.Message);
        return view.Value.IdentityProviderValues;
    }

    private HttpClient Client(string baseAddress = "https://acme.example.com") =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
}
