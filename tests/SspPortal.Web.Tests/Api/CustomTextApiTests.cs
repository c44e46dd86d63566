using System.Net;
using SspPortal.Web.Tests.Api.Testing;
using static SspPortal.Web.Tests.Api.Testing.ApiHttp;

namespace SspPortal.Web.Tests.Api;

public sealed class CustomTextApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Get_ReturnsEmptyObject_WhenNothingStored()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        Assert.Equal("{}", await client.GetAsync($"{Profiles}/{id}/custom-text/en/get-started").ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Put_StoresAndReturnsMap_WhenValid()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        var path = $"{Profiles}/{id}/custom-text/de/get-started";

        var put = await client.PutJsonAsync(path, """{"introduction":"Willkommen <b>bei</b> Acme & Co"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("""{"introduction":"Willkommen <b>bei</b> Acme & Co"}""", put);
        Assert.Equal(put, await client.GetAsync(path).ExpectAsync(HttpStatusCode.OK));
        Assert.Equal("{}", await client.GetAsync($"{Profiles}/{id}/custom-text/en/get-started").ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Put_ResetsToDefault_WhenEmptyObject()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        var path = $"{Profiles}/{id}/custom-text/en/get-started";
        await client.PutJsonAsync(path, """{"introduction":"Hello"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("{}", await client.PutJsonAsync(path, "{}").ExpectAsync(HttpStatusCode.OK));
        Assert.Equal("{}", await client.GetAsync(path).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Put_AcceptsFormBody_WhenKeyIsFlat()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .SendFormAsync(HttpMethod.Put, $"{Profiles}/{id}/custom-text/fr/get-started", "introduction=Bonjour+%C3%A0+tous")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("""{"introduction":"Bonjour à tous"}""", body);
    }

    [Theory]
    [InlineData("xx", "get-started")]
    [InlineData("EN-us-x", "get-started")]
    [InlineData("en", "login")]
    public async Task Endpoints_Return400InvalidUri_WhenLanguageOrPageUnsupported(string language, string page)
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();
        var path = $"{Profiles}/{id}/custom-text/{language}/{page}";

        var get = await client.GetAsync(path).ExpectAsync(HttpStatusCode.BadRequest);
        var put = await client.PutJsonAsync(path, """{"introduction":"x"}""").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.EndsWith(""","errorCode":"invalid_uri"}""", get, StringComparison.Ordinal);
        Assert.Equal(get, put);
    }

    [Fact]
    public async Task Put_ReportsTheUnsupportedLanguageBeforeTheBody_WhenBothAreWrong()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client.PutJsonAsync($"{Profiles}/{id}/custom-text/xx/get-started", "{not json").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.EndsWith(""","errorCode":"invalid_uri"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_Returns400_WhenKeyUnknownForPage()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .PutJsonAsync($"{Profiles}/{id}/custom-text/en/get-started", """{"introduction":"x","title":"y"}""")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","errorCode":"invalid_body"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_Returns400_WhenValueTooLong()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        var id = await client.CreateProfileAsync();

        var body = await client
            .PutJsonAsync($"{Profiles}/{id}/custom-text/en/get-started", $$"""{"introduction":"{{new string('a', 2001)}}"}""")
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.EndsWith(""","errorCode":"invalid_body"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_Return404_WhenProfileMissing()
    {
        var client = factory.AdminClientFor(await factory.CreateTenantAsync());
        const string path = $"{Profiles}/ssp_4444444444444444444444/custom-text/en/get-started";
        var expected = ErrorBody(404, "Not Found", "Profile with ID: ssp_4444444444444444444444 not found");

        Assert.Equal(expected, await client.GetAsync(path).ExpectAsync(HttpStatusCode.NotFound));
        Assert.Equal(expected, await client.PutJsonAsync(path, """{"introduction":"x"}""").ExpectAsync(HttpStatusCode.NotFound));
    }
}
