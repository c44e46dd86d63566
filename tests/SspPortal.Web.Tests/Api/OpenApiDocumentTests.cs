using System.Net;
using System.Text.Json;
using SspPortal.Web.Tests.Api.Testing;

namespace SspPortal.Web.Tests.Api;

public sealed partial class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Document_DescribesTheNineOperations_WithScopesAndSchemas()
    {
        using var client = factory.CreateClient();

        var json = await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var operations = root.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name.ToUpperInvariant(), Operation: op.Value)))
            .ToList();
        Assert.Equal(
            [
                "DELETE /api/v2/self-service-profiles/{id}",
                "GET /api/v2/connections",
                "GET /api/v2/connections/{id}",
                "GET /api/v2/self-service-profiles",
                "GET /api/v2/self-service-profiles/{id}",
                "GET /api/v2/self-service-profiles/{id}/custom-text/{language}/{page}",
                "PATCH /api/v2/self-service-profiles/{id}",
                "POST /api/v2/self-service-profiles",
                "POST /api/v2/self-service-profiles/{id}/sso-ticket",
                "POST /api/v2/self-service-profiles/{profileId}/sso-ticket/{id}/revoke",
                "PUT /api/v2/self-service-profiles/{id}/custom-text/{language}/{page}",
            ],
            operations.Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal)
        );
        foreach (var (_, _, operation) in operations)
        {
            var security = operation.GetProperty("security")[0].GetProperty("Bearer");
            Assert.Equal(1, security.GetArrayLength());
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
        }

        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.Equal(
            ["id", "name", "description", "user_attributes", "allowed_strategies", "created_at", "updated_at", "branding", "user_attribute_profile_id"],
            schemas.GetProperty("ProfileResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name)
        );
        var createSchema = schemas.GetProperty("CreateProfileRequest").GetProperty("properties");
        Assert.True(createSchema.TryGetProperty("user_attributes", out _));
        Assert.True(createSchema.TryGetProperty("user_attribute_profile_id", out _));
        var ticketSchema = schemas.GetProperty("IssueTicketRequest").GetProperty("properties");
        Assert.True(ticketSchema.TryGetProperty("ttl_sec", out _));
        Assert.True(ticketSchema.TryGetProperty("use_for_organization_discovery", out _));
        Assert.Equal(
            ["name", "display_name", "is_domain_connection", "show_as_button", "metadata", "options"],
            schemas.GetProperty("ConnectionConfigInput").GetProperty("properties").EnumerateObject().Select(p => p.Name)
        );
        Assert.Equal(
            ["name", "description", "is_optional"],
            schemas.GetProperty("UserAttributeInput").GetProperty("required").EnumerateArray().Select(p => p.GetString())
        );
        Assert.Equal(
            ["statusCode", "error", "message", "errorCode"],
            schemas.GetProperty("ApiError").GetProperty("properties").EnumerateObject().Select(p => p.Name)
        );
        var list = operations.Single(o => o.Method == "GET" && o.Path == "/api/v2/self-service-profiles").Operation;
        Assert.Equal(
            ["page", "per_page", "include_totals"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
        );
        var create = operations.Single(o => o.Method == "POST" && o.Path == "/api/v2/self-service-profiles").Operation;
        var content = create.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
    }

    [Fact]
    public async Task Document_DeclaresOpenApi31_WhenServed()
    {
        using var client = factory.CreateClient();

        var json = await client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(json);
        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencePage_LoadsNothingFromOutside_WhenServedInDevelopment()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        var loaded = ResourceUrls().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(loaded);
        Assert.All(loaded, url => Assert.False(IsOutside(url), $"The page loads {url} from outside."));
        Assert.DoesNotMatch(OutsideUrlInStyles(), html);

        // The scripts it loads are the app's own.
        var page = response.RequestMessage!.RequestUri!;
        foreach (var script in loaded.Where(url => url.EndsWith(".js", StringComparison.Ordinal)))
        {
            await client.GetAsync(new Uri(page, script)).ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ReferencePage_IsNotServed_OutsideDevelopment()
    {
        await using var testing = new SetupFlow.FlowTestApp();
        await testing.StartAsync();

        using var response = await testing.CreateClient().GetAsync("/api/docs/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("scalar", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The URL of every <c>script src</c>, <c>link href</c> (styles, fonts, preloads) and <c>img src</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ResourceUrls();

    /// <summary>An absolute URL inside CSS: <c>@import "https://…"</c> or <c>url(https://…)</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""(?:@import\s+(?:url\()?|url\()\s*["']?(?:https?:)?//""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OutsideUrlInStyles();

    private static bool IsOutside(string url) =>
        url.StartsWith("//", StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.Host != "localhost");
}
