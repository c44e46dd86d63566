using System.Net;
using System.Text;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

public sealed class ApiBindingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("""{"name":1}""", "Expected type string but found type integer", "name")]
    [InlineData("""{"name":1.5}""", "Expected type string but found type number", "name")]
    [InlineData("""{"name":null}""", "Expected type string but found type null", "name")]
    [InlineData("""{"name":"a","description":true}""", "Expected type string but found type boolean", "description")]
    [InlineData("""{"name":"a","allowed_strategies":"okta"}""", "Expected type array but found type string", "allowed_strategies")]
    [InlineData("""{"name":"a","allowed_strategies":["okta",3]}""", "Expected type string but found type integer", "allowed_strategies[1]")]
    [InlineData("""{"name":"a","user_attributes":[{"name":"x","description":"y","is_optional":"yes"}]}""", "Expected type boolean but found type string", "user_attributes[0].is_optional")]
    [InlineData("""{"name":"a","user_attributes":[null]}""", "Expected type object but found type null", "user_attributes[0]")]
    [InlineData("""{"name":"a","branding":[]}""", "Expected type object but found type array", "branding")]
    [InlineData("""{"name":"a","branding":{"colors":{"primary":{}}}}""", "Expected type string but found type object", "branding.colors.primary")]
    public async Task Create_Returns400WithPathAndReason_WhenTypeWrong(string json, string reason, string path)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody($"Payload validation error: '{reason}' on property {path}."), body);
    }

    [Theory]
    [InlineData("""{"name":"a","foo":1}""", "Payload validation error: 'Additional properties not allowed: foo'.")]
    [InlineData("""{"name":"a","branding":{"logo":"x"}}""", "Payload validation error: 'Additional properties not allowed: logo' on property branding.")]
    [InlineData("""{"name":"a","user_attributes":[{"name":"x","description":"y","is_optional":true,"required":true}]}""", "Payload validation error: 'Additional properties not allowed: required' on property user_attributes[0].")]
    [InlineData("""{"name":"a","name":"b"}""", "Payload validation error: 'Duplicate property: name'.")]
    [InlineData("""[]""", "Payload validation error: 'Expected type object but found type array'.")]
    [InlineData("\"text\"", "Payload validation error: 'Expected type object but found type string'.")]
    public async Task Create_Returns400_WhenSchemaClosedOrRootNotObject(string json, string message)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody(message), body);
    }

    [Theory]
    [InlineData("""{"name":"a",""", "Payload validation error: 'Malformed JSON at line 1, position 12'.")]
    [InlineData("""{"name":'a'}""", "Payload validation error: 'Malformed JSON at line 1, position 9'.")]
    [InlineData("""{"name":"a",}""", "Payload validation error: 'Malformed JSON at line 1, position 13'.")]
    [InlineData("""{"name":"a"} x""", "Payload validation error: 'Malformed JSON at line 1, position 14'.")]
    public async Task Create_Returns400_WhenJsonMalformed(string json, string message)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody(message), body);
    }

    [Fact]
    public async Task Create_Returns400_WhenNestingTooDeep()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var json = """{"name":"a","branding":""" + new string('[', 5000) + new string(']', 5000) + "}";

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'Malformed JSON""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Returns400_WhenBodyNotUtf8()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var body = await client.PostAsync(Profiles, content).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Payload validation error: 'Body is not valid UTF-8'."), body);
    }

    [Fact]
    public async Task Create_Returns400_WhenStringHasLoneSurrogate()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync(Profiles, """{"name":"\ud800"}""").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Payload validation error: 'String is not valid Unicode'."), body);
    }

    [Fact]
    public async Task Create_Returns413_WhenBodyLargerThanOneMebibyte()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var json = "{\"name\":\"a\",\"description\":\"" + new string('x', 1024 * 1024) + "\"}";

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(
            """{"statusCode":413,"error":"Payload Too Large","message":"Request body is larger than 1048576 bytes.","errorCode":"invalid_body"}""",
            body
        );
    }

    [Fact]
    public async Task Create_Returns413_WhenChunkedBodyLargerThanOneMebibyte()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('y', 1_100_000) + "\"}")));
        content.Headers.ContentType = new("application/json");

        await client.PostAsync(Profiles, content).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Create_Accepts_WhenBodyJustUnderLimit()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var json = """{"name":"a"}""" + new string(' ', 1024 * 1024 - 12);

        await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Create_Returns400_WhenContentTypeUnsupported(string contentType)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var content = new StringContent("""{"name":"a"}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var body = await client.PostAsync(Profiles, content).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            InvalidBody("Payload validation error: 'Content-Type must be application/json or application/x-www-form-urlencoded'."),
            body
        );
    }

    [Fact]
    public async Task Create_AcceptsJson_WhenContentTypeMissingOrSuffixed()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var bare = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"No type"}"""));
        var merge = new StringContent("""{"name":"Suffixed"}""");
        merge.Headers.ContentType = new("application/vnd.ssp+json");

        await client.PostAsync(Profiles, bare).ExpectAsync(HttpStatusCode.Created);
        await client.PostAsync(Profiles, merge).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("name=a&foo=b", "Payload validation error: 'Additional properties not allowed: foo'.")]
    [InlineData("name=a&name=b", "Payload validation error: 'Expected type string but found type array' on property name.")]
    [InlineData("name=a&branding=notjson", "Payload validation error: 'Expected type object but found type string' on property branding.")]
    [InlineData("name=a&user_attributes=%5B%7B%22name%22%3A1%7D%5D", "Payload validation error: 'Expected type string but found type integer' on property user_attributes[0].name.")]
    public async Task Create_Returns400_WhenFormFieldsWrong(string form, string message)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.SendFormAsync(HttpMethod.Post, Profiles, form).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody(message), body);
    }

    [Theory]
    [InlineData("""{"ttl_sec":"10"}""", "Expected type integer but found type string", "ttl_sec")]
    [InlineData("""{"ttl_sec":1.5}""", "Expected type integer but found type number", "ttl_sec")]
    [InlineData("""{"ttl_sec":99999999999}""", "Integer out of range", "ttl_sec")]
    [InlineData("""{"connection_config":{"name":"a","options":{"idpinitiated":{"enabled":"no"}}}}""", "Expected type boolean but found type string", "connection_config.options.idpinitiated.enabled")]
    [InlineData("""{"connection_config":{"name":"a","metadata":{"k":1}}}""", "Expected type string but found type integer", "connection_config.metadata.k")]
    [InlineData("""{"enabled_organizations":[{"organization_id":"org_1","extra":1}]}""", "Additional properties not allowed: extra", "enabled_organizations[0]")]
    [InlineData("""{"provisioning_config":{"google_workspace":{"sync_users":"true"}}}""", "Expected type boolean but found type string", "provisioning_config.google_workspace.sync_users")]
    [InlineData("""{"enabled_clients":[true]}""", "Expected type string but found type boolean", "enabled_clients[0]")]
    public async Task IssueTicket_Returns400WithPathAndReason_WhenTypeWrong(string json, string reason, string path)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client.PostJsonAsync($"{Profiles}/{id}/sso-ticket", json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody($"Payload validation error: '{reason}' on property {path}."), body);
    }

    [Fact]
    public async Task IssueTicket_AcceptsFormBody_WhenScalarsAndJsonObjects()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        var form = "ttl_sec=3600&use_for_organization_discovery=false&enabled_clients=client-a&enabled_clients=client-b"
            + "&connection_config=" + Uri.EscapeDataString("""{"name":"form-conn","display_name":"Form"}""");

        var body = await client.SendFormAsync(HttpMethod.Post, $"{Profiles}/{id}/sso-ticket", form).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(["ticket"], Keys(body));
    }

    [Fact]
    public async Task PutCustomText_Returns400_WhenValueNotString()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .PutJsonAsync($"{Profiles}/{id}/custom-text/en/get-started", """{"introduction":5}""")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(InvalidBody("Payload validation error: 'Expected type string but found type integer' on property introduction."), body);
    }

    /// <summary>A stream that hides its length so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
