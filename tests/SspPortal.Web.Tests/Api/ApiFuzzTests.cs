using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using SspPortal.Application.Common;
using SspPortal.Web.Tests.Api.Testing;
using Xunit.Abstractions;

namespace SspPortal.Web.Tests.Api;

/// <summary>
/// A few thousand random and malformed requests (seeded, so a failure replays): wrong types, deep nesting, huge
/// strings, garbage bytes, odd content types, random and percent-encoded path segments. No answer may be a 5xx, and
/// every refusal under /api/v2 carries the JSON error body.
/// </summary>
public sealed class ApiFuzzTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const int Requests = 2500;

    private static readonly string[] FieldNames =
    [
        "name", "description", "user_attributes", "allowed_strategies", "branding", "user_attribute_profile_id",
        "logo_url", "colors", "primary", "is_optional", "connection_id", "connection_config", "enabled_clients",
        "enabled_organizations", "ttl_sec", "domain_aliases_config", "provisioning_config",
        "use_for_organization_discovery", "enabled_features", "display_name", "metadata", "options", "icon_url",
        "domain_aliases", "idpinitiated", "organization_id", "domain_verification", "pending_domains", "scopes",
        "token_lifetime", "google_workspace", "sync_users", "introduction", "sso", "provisioning", "__proto__", "",
    ];

    private const string StringAlphabet = "abc-_.#:/https<>&\"'\\ é中\u0000\u007f";

    private const string SegmentAlphabet = "abcXYZ019_-.~";

    private static readonly string[] Methods = ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded", "text/plain", "application/merge-patch+json", "multipart/form-data; boundary=x",
        "application/json; charset=latin1", "",
    ];

    [Fact]
    public async Task RandomRequests_NeverReturn5xx_WhenBodiesAndPathsAreGarbage()
    {
        var tenant = await factory.CreateTenantAsync();
        var admin = factory.AdminClientFor(tenant);
        var profile = await admin.CreateProfileAsync();
        var ticket = SsoTicketApiTests.SecretOf(await admin.IssueTicketAsync(profile));
        var anonymous = factory.CreateClient();
        var wrongTenant = factory.ClientFor("ghost-tenant", ApiScopes.All);
        var random = new Random(20261123);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Requests; i++)
        {
            var (routeMethod, path) = RandomRoute(random, profile, ticket);
            var method = random.Next(5) == 0 ? Methods[random.Next(Methods.Length)] : routeMethod;
            var client = random.Next(20) switch
            {
                0 => anonymous,
                1 => wrongTenant,
                _ => admin,
            };
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is not ("GET" or "HEAD" or "OPTIONS") || random.Next(4) == 0)
            {
                request.Content = RandomContent(random);
            }

            if (random.Next(10) == 0)
            {
                request.Headers.TryAddWithoutValidation("auth0-custom-domain", RandomString(random, random.Next(0, 300)));
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (method == "DELETE" && status == 204 && path.EndsWith(profile, StringComparison.Ordinal))
            {
                // Keep a live profile around so that later requests reach the services, not only the 404 path.
                profile = await admin.CreateProfileAsync();
                ticket = SsoTicketApiTests.SecretOf(await admin.IssueTicketAsync(profile));
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"#{i} {method} {path} -> {status}: {await response.Content.ReadAsStringAsync()}");
            }
            else if (status >= 400 && method != "HEAD" && response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                failures.Add($"#{i} {method} {path} -> {status} without a JSON error body");
            }
        }

        output.WriteLine($"{Requests} requests in {clock.Elapsed}; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(statuses.Keys.Count(s => s < 300) > 0 && statuses.Keys.Count(s => s >= 400) > 2, "The fuzzer should reach both successes and several refusals.");
    }

    /// <summary>A route of the API (or near one) with the method it answers to.</summary>
    private static (string Method, string Path) RandomRoute(Random random, string profile, string ticket)
    {
        string Id() =>
            random.Next(8) switch
            {
                0 => Ids.NewProfileId(),
                1 => RandomSegment(random),
                2 => "ssp_" + RandomSegment(random),
                3 => profile.ToUpperInvariant(),
                _ => profile,
            };

        var language = random.Next(3) == 0 ? RandomSegment(random) : new[] { "en", "de", "pt-BR", "zh-CN", "xx" }[random.Next(5)];
        var page = random.Next(3) == 0 ? RandomSegment(random) : "get-started";
        return random.Next(12) switch
        {
            0 => ("GET", "/api/v2/self-service-profiles" + RandomQuery(random)),
            1 => ("POST", "/api/v2/self-service-profiles"),
            2 => ("GET", $"/api/v2/self-service-profiles/{Id()}"),
            3 => ("PATCH", $"/api/v2/self-service-profiles/{Id()}"),
            4 => (random.Next(4) == 0 ? "DELETE" : "PATCH", $"/api/v2/self-service-profiles/{Id()}"),
            5 => ("GET", $"/api/v2/self-service-profiles/{Id()}/custom-text/{language}/{page}"),
            6 => ("PUT", $"/api/v2/self-service-profiles/{Id()}/custom-text/{language}/{page}"),
            7 or 8 => ("POST", $"/api/v2/self-service-profiles/{Id()}/sso-ticket"),
            9 => ("POST", $"/api/v2/self-service-profiles/{Id()}/sso-ticket/{(random.Next(2) == 0 ? ticket : RandomSegment(random))}/revoke"),
            10 => ("GET", $"/api/v2/{RandomSegment(random)}/{RandomSegment(random)}"),
            _ => ("POST", $"/api/v2/self-service-profiles/{Id()}/{RandomSegment(random)}" + RandomQuery(random)),
        };
    }

    private static string RandomQuery(Random random) =>
        random.Next(3) switch
        {
            0 => string.Empty,
            1 => $"?page={RandomNumberText(random)}&per_page={RandomNumberText(random)}&include_totals={(random.Next(2) == 0 ? "true" : RandomSegment(random))}",
            _ => "?" + RandomSegment(random) + "=" + RandomSegment(random) + "&page=" + RandomSegment(random),
        };

    private static string RandomNumberText(Random random) =>
        random.Next(5) switch
        {
            0 => random.Next(-5, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => "99999999999999999999",
            2 => int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => "1e3",
            _ => random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A path segment of random characters, percent-encoded (including %2F and invalid UTF-8; not %00, which the in-memory test server cannot carry).</summary>
    private static string RandomSegment(Random random)
    {
        var length = random.Next(0, random.Next(4) == 0 ? 600 : 30);
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    builder.Append('%').Append(random.Next(1, 256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case 1:
                    builder.Append(Uri.EscapeDataString(char.ConvertFromUtf32(random.Next(0x80, 0x2FFF))));
                    break;
                default:
                    builder.Append(SegmentAlphabet[random.Next(SegmentAlphabet.Length)]);
                    break;
            }
        }

        var segment = builder.ToString();
        return segment is "" or "." or ".." ? "x" : segment;
    }

    private static HttpContent RandomContent(Random random)
    {
        byte[] bytes = random.Next(10) switch
        {
            0 => RandomBytes(random, random.Next(0, 2000)),
            1 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 3000))),
            2 => Encoding.UTF8.GetBytes(RandomForm(random)),
            3 => Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', random.Next(100, 300_000)) + "\"}"),
            _ => Encoding.UTF8.GetBytes(RandomObject(random, depth: 0, knownKeys: true)),
        };
        var content = new ByteArrayContent(bytes);
        var type = ContentTypes[random.Next(ContentTypes.Length)];
        if (type.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return content;
    }

    private static string RandomForm(Random random)
    {
        var pairs = Enumerable.Range(0, random.Next(0, 8))
            .Select(_ =>
                Uri.EscapeDataString(FieldNames[random.Next(FieldNames.Length)] + (random.Next(5) == 0 ? "[]" : string.Empty))
                + "="
                + Uri.EscapeDataString(random.Next(3) == 0 ? RandomValue(random, 1) : RandomString(random, random.Next(0, 40))));
        return string.Join('&', pairs) + (random.Next(8) == 0 ? "&%%zz=&=" : string.Empty);
    }

    private static string RandomObject(Random random, int depth, bool knownKeys)
    {
        var count = random.Next(0, depth == 0 ? 8 : 4);
        var members = Enumerable.Range(0, count)
            .Select(_ =>
            {
                var key = knownKeys && random.Next(5) != 0 ? FieldNames[random.Next(FieldNames.Length)] : RandomString(random, random.Next(0, 12));
                return System.Text.Json.JsonSerializer.Serialize(key) + ":" + RandomValue(random, depth + 1);
            });
        return "{" + string.Join(',', members) + "}";
    }

    private static string RandomValue(Random random, int depth)
    {
        var choice = depth > 6 ? random.Next(6) : random.Next(10);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(4) switch
            {
                0 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => "-1.5e300",
                2 => "123456789012345678901234567890",
                _ => (random.NextDouble() * 1000).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            },
            3 or 4 => System.Text.Json.JsonSerializer.Serialize(RandomString(random, random.Next(0, random.Next(10) == 0 ? 5000 : 30))),
            5 => "\"\\ud800\"",
            6 or 7 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomValue(random, depth + 1))) + "]",
            _ => RandomObject(random, depth, knownKeys: true),
        };
    }

    private static string RandomString(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) == 0 ? (char)random.Next(0x20, 0x7F) : StringAlphabet[random.Next(StringAlphabet.Length)]);
        }

        return builder.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
