using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SspPortal.Application.Common;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

public sealed partial class SelfServiceProfilesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string AllStrategies =
        """["oidc","samlp","waad","google-apps","adfs","okta","auth0-samlp","okta-samlp","keycloak-samlp","pingfederate"]""";

    [Fact]
    public async Task Create_Returns201WithContractShape_WhenOnlyNameGiven()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        using var response = await client.PostJsonAsync(Profiles, """{"name":"Acme SSO"}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", ContentType(response)?.MediaType);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        Assert.Matches(ProfileId(), id);
        Assert.Equal($"/api/v2/self-service-profiles/{id}", response.Headers.Location?.OriginalString);
        var time = Timestamps.Format(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(
            $$"""{"id":"{{id}}","name":"Acme SSO","user_attributes":[],"allowed_strategies":{{AllStrategies}},"created_at":"{{time}}","updated_at":"{{time}}"}""",
            body
        );
    }

    [Fact]
    public async Task Create_ReturnsEveryKeyInContractOrder_WhenAllFieldsGiven()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client
            .PostJsonAsync(
                Profiles,
                """
                {"user_attribute_profile_id":"uap_1234","branding":{"colors":{"primary":"#19aecc"},"logo_url":"https://example.com/logo.png"},
                 "allowed_strategies":["okta","oidc"],"user_attributes":[],"description":"For enterprise customers","name":"Acme"}
                """
            )
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(
            [
                "id",
                "name",
                "description",
                "user_attributes",
                "allowed_strategies",
                "created_at",
                "updated_at",
                "branding",
                "user_attribute_profile_id",
            ],
            Keys(body)
        );
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("For enterprise customers", root.GetProperty("description").GetString());
        Assert.Equal("""["okta","oidc"]""", root.GetProperty("allowed_strategies").GetRawText());
        Assert.Equal(
            """{"logo_url":"https://example.com/logo.png","colors":{"primary":"#19aecc"}}""",
            root.GetProperty("branding").GetRawText()
        );
        Assert.Equal("uap_1234", root.GetProperty("user_attribute_profile_id").GetString());
        Assert.Matches(IsoMillis(), root.GetProperty("created_at").GetString()!);
    }

    [Fact]
    public async Task Create_StoresUserAttributes_WhenGiven()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client
            .PostJsonAsync(
                Profiles,
                """{"name":"Acme","user_attributes":[{"name":"email","description":"Work email","is_optional":false},{"name":"dept","description":"Department","is_optional":true}]}"""
            )
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(
            """[{"name":"email","description":"Work email","is_optional":false},{"name":"dept","description":"Department","is_optional":true}]""",
            JsonDocument.Parse(body).RootElement.GetProperty("user_attributes").GetRawText()
        );
    }

    [Fact]
    public async Task Create_AcceptsFormBody_WhenFieldsAreFlat()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client
            .SendFormAsync(
                HttpMethod.Post,
                Profiles,
                "name=Form+Profile&description=From%20a%20form&allowed_strategies=okta&allowed_strategies=samlp"
                    + "&user_attributes=" + Uri.EscapeDataString("""[{"name":"email","description":"Email","is_optional":true}]""")
                    + "&branding=" + Uri.EscapeDataString("""{"logo_url":"https://example.com/l.png"}""")
            )
            .ExpectAsync(HttpStatusCode.Created);

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("Form Profile", root.GetProperty("name").GetString());
        Assert.Equal("From a form", root.GetProperty("description").GetString());
        Assert.Equal("""["okta","samlp"]""", root.GetProperty("allowed_strategies").GetRawText());
        Assert.Equal("""[{"name":"email","description":"Email","is_optional":true}]""", root.GetProperty("user_attributes").GetRawText());
        Assert.Equal("""{"logo_url":"https://example.com/l.png"}""", root.GetProperty("branding").GetRawText());
    }

    [Fact]
    public async Task Create_Returns409_WhenProfileLimitReached()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        for (var i = 0; i < 20; i++)
        {
            await client.CreateProfileAsync($$"""{"name":"Profile {{i}}"}""");
        }

        var body = await client.PostJsonAsync(Profiles, """{"name":"One too many"}""").ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal(ErrorBody(409, "Conflict", "No more profiles can be created for this tenant."), body);
    }

    [Theory]
    [InlineData("""{}""", "Payload validation error: 'Missing required property: name' on property name.")]
    [InlineData("""{"name":""}""", null)]
    [InlineData("""{"name":"A","allowed_strategies":[]}""", null)]
    [InlineData("""{"name":"A","allowed_strategies":["nope"]}""", null)]
    [InlineData("""{"name":"A","branding":{"logo_url":"http://example.com/x.png"}}""", null)]
    [InlineData("""{"name":"A","branding":{"colors":{"primary":"red"}}}""", null)]
    [InlineData("""{"name":"A","branding":{"colors":{}}}""", null)]
    [InlineData("""{"name":"A","user_attributes":[{"name":"a","description":"b"}]}""", null)]
    [InlineData("""{"name":"A","user_attribute_profile_id":"uap_1","user_attributes":[{"name":"a","description":"b","is_optional":true}]}""", null)]
    public async Task Create_Returns400InvalidBody_WhenFieldRuleBroken(string json, string? exactMessage)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["statusCode", "error", "message", "errorCode"], Keys(body));
        using var document = JsonDocument.Parse(body);
        Assert.Equal("invalid_body", document.RootElement.GetProperty("errorCode").GetString());
        var message = document.RootElement.GetProperty("message").GetString()!;
        Assert.StartsWith("Payload validation error: '", message, StringComparison.Ordinal);
        if (exactMessage is not null)
        {
            Assert.Equal(exactMessage, message);
        }
    }

    [Fact]
    public async Task Get_ReturnsProfile_WhenItExists()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var created = await client.PostJsonAsync(Profiles, """{"name":"Acme","description":"d"}""").ExpectAsync(HttpStatusCode.Created);
        var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString();

        var body = await client.GetAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(created, body);
    }

    [Fact]
    public async Task Get_Returns404ContractBody_WhenProfileMissing()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        const string id = "ssp_1111111111111111111111";

        var body = await client.GetAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("""{"statusCode":404,"error":"Not Found","message":"Profile with ID: ssp_1111111111111111111111 not found"}""", body);
    }

    [Theory]
    [InlineData("GET", "/api/v2/self-service-profiles/not-an-id")]
    [InlineData("PATCH", "/api/v2/self-service-profiles/ssp_0000000000000000000000")]
    [InlineData("DELETE", "/api/v2/self-service-profiles/ssp_short")]
    [InlineData("GET", "/api/v2/self-service-profiles/abc/custom-text/en/get-started")]
    [InlineData("PUT", "/api/v2/self-service-profiles/abc/custom-text/en/get-started")]
    [InlineData("POST", "/api/v2/self-service-profiles/abc/sso-ticket")]
    public async Task Endpoint_Returns400InvalidUri_WhenProfileIdMalformed(string method, string path)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.SendJsonAsync(new HttpMethod(method), path, "{}").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ErrorBody(
                400,
                "Bad Request",
                "Path validation error: 'String does not match pattern: ^ssp_[1-9A-HJ-NP-Za-km-z]{22}$' on property id.",
                "invalid_uri"
            ),
            body
        );
    }

    [Fact]
    public async Task Revoke_Returns400InvalidUri_WhenProfileIdMalformed()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client
            .PostJsonAsync($"{Profiles}/bad/sso-ticket/{new string('a', 32)}/revoke", "{}")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("on property profileId.", body, StringComparison.Ordinal);
        Assert.EndsWith(""","errorCode":"invalid_uri"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_MovesUpdatedAtAndKeepsFields_WhenBodyEmpty()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var created = await client.PostJsonAsync(Profiles, """{"name":"Acme","description":"d"}""").ExpectAsync(HttpStatusCode.Created);
        var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString();
        factory.Clock.Advance(TimeSpan.FromSeconds(2.5));

        var body = await client.PatchJsonAsync($"{Profiles}/{id}", "{}").ExpectAsync(HttpStatusCode.OK);

        using var before = JsonDocument.Parse(created);
        using var after = JsonDocument.Parse(body);
        Assert.Equal(before.RootElement.GetProperty("created_at").GetString(), after.RootElement.GetProperty("created_at").GetString());
        Assert.Equal(Timestamps.Format(factory.Clock.GetUtcNow().UtcDateTime), after.RootElement.GetProperty("updated_at").GetString());
        Assert.Equal("d", after.RootElement.GetProperty("description").GetString());
        Assert.Equal("Acme", after.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_ClearsOptionalFields_WhenSentNull()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync(
            """{"name":"Acme","description":"d","branding":{"logo_url":"https://example.com/a.png"},"user_attribute_profile_id":"uap_9"}"""
        );

        var body = await client
            .PatchJsonAsync($"{Profiles}/{id}", """{"description":null,"branding":null,"user_attribute_profile_id":null,"user_attributes":null}""")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["id", "name", "user_attributes", "allowed_strategies", "created_at", "updated_at"], Keys(body));
        Assert.Equal("[]", JsonDocument.Parse(body).RootElement.GetProperty("user_attributes").GetRawText());
    }

    [Fact]
    public async Task Update_ReplacesWholeBranding_WhenBrandingSent()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync(
            """{"name":"Acme","branding":{"logo_url":"https://example.com/a.png","colors":{"primary":"#123"}}}"""
        );

        var body = await client
            .PatchJsonAsync($"{Profiles}/{id}", """{"branding":{"colors":{"primary":"#abcdef"}},"name":"Renamed"}""")
            .ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(body);
        Assert.Equal("""{"colors":{"primary":"#abcdef"}}""", document.RootElement.GetProperty("branding").GetRawText());
        Assert.Equal("Renamed", document.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"allowed_strategies":null}""")]
    [InlineData("""{"allowed_strategies":[]}""")]
    [InlineData("""{"description":""}""")]
    public async Task Update_Returns400_WhenValueNotAllowed(string json)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client.PatchJsonAsync($"{Profiles}/{id}", json).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":"Payload validation error: '""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","errorCode":"invalid_body"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_AcceptsFormBody_WhenFieldsAreFlat()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .SendFormAsync(HttpMethod.Patch, $"{Profiles}/{id}", "name=Via+form&allowed_strategies[]=waad")
            .ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(body);
        Assert.Equal("Via form", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("""["waad"]""", document.RootElement.GetProperty("allowed_strategies").GetRawText());
    }

    [Fact]
    public async Task Update_Returns404_WhenProfileMissing()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.PatchJsonAsync($"{Profiles}/ssp_2222222222222222222222", """{"name":"x"}""").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(ErrorBody(404, "Not Found", "Profile with ID: ssp_2222222222222222222222 not found"), body);
    }

    [Fact]
    public async Task Delete_Returns204AndRemovesProfile_WhenItExists()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client.DeleteAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(string.Empty, body);
        await client.GetAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await client.DeleteAsync($"{Profiles}/{id}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task List_ReturnsBareArrayInCreationOrder_WhenTotalsNotAsked()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var first = await client.CreateProfileAsync("""{"name":"First"}""");
        factory.Clock.Advance(TimeSpan.FromMilliseconds(5));
        var second = await client.CreateProfileAsync("""{"name":"Second"}""");

        var body = await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal([first, second], document.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(
            ["id", "name", "user_attributes", "allowed_strategies", "created_at", "updated_at"],
            document.RootElement[0].EnumerateObject().Select(p => p.Name)
        );
    }

    [Fact]
    public async Task List_ReturnsPagedObject_WhenTotalsAsked()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await client.CreateProfileAsync($$"""{"name":"P{{i}}"}"""));
            factory.Clock.Advance(TimeSpan.FromMilliseconds(3));
        }

        var body = await client.GetAsync($"{Profiles}?page=1&per_page=2&include_totals=true").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["self_service_profiles", "start", "limit", "total"], Keys(body));
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal([ids[2]], root.GetProperty("self_service_profiles").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(2, root.GetProperty("start").GetInt32());
        Assert.Equal(2, root.GetProperty("limit").GetInt32());
        Assert.Equal(3, root.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_ReturnsEmptyArray_WhenTenantHasNoProfiles()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        Assert.Equal("[]", await client.GetAsync(Profiles).ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(
            """{"self_service_profiles":[],"start":0,"limit":50,"total":0}""",
            await client.GetAsync($"{Profiles}?include_totals=true").ExpectAsync(HttpStatusCode.OK)
        );
    }

    [Theory]
    [InlineData("page=-1", "page", "Value must be at least 0")]
    [InlineData("page=abc", "page", "Expected type integer but found type string")]
    [InlineData("per_page=0", "per_page", "Value must be at least 1")]
    [InlineData("per_page=101", "per_page", "Value must be at most 100")]
    [InlineData("per_page=1.5", "per_page", "Expected type integer but found type string")]
    [InlineData("include_totals=yes", "include_totals", "Expected type boolean but found type string")]
    [InlineData("page=1&page=2", "page", "Expected a single value")]
    [InlineData("page=2147483647&per_page=2", "page", "Value must be at most 1073741823")]
    public async Task List_Returns400InvalidQueryString_WhenPagingBad(string query, string property, string reason)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());

        var body = await client.GetAsync($"{Profiles}?{query}").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ErrorBody(400, "Bad Request", $"Query validation error: '{reason}' on property {property}.", "invalid_query_string"),
            body
        );
    }

    [GeneratedRegex("^ssp_[1-9A-HJ-NP-Za-km-z]{22}$")]
    private static partial Regex ProfileId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoMillis();
}
