using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SspPortal.Web.Tests.Api.Testing;

/// <summary>Small helpers to send raw bodies and read raw answers: the tests compare exact wire text.</summary>
public static class ApiHttp
{
    public const string Profiles = "/api/v2/self-service-profiles";

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendFormAsync(this HttpClient client, HttpMethod method, string path, string form)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Post, path, json);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Patch, path, json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Put, path, json);

    /// <summary>Asserts the status and returns the body text.</summary>
    public static async Task<string> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Creates a profile with the given JSON body and returns its id.</summary>
    public static async Task<string> CreateProfileAsync(this HttpClient client, string json = """{"name":"Acme SSO"}""")
    {
        var body = await client.PostJsonAsync(Profiles, json).ExpectAsync(HttpStatusCode.Created);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Issues a ticket and returns its URL.</summary>
    public static async Task<string> IssueTicketAsync(this HttpClient client, string profileId, string json = "{}")
    {
        var body = await client.PostJsonAsync($"{Profiles}/{profileId}/sso-ticket", json).ExpectAsync(HttpStatusCode.Created);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("ticket").GetString()!;
    }

    /// <summary>The top-level key names of a JSON object, in order.</summary>
    public static string[] Keys(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    /// <summary>The exact contract error body.</summary>
    public static string ErrorBody(int status, string error, string message, string? errorCode = null) =>
        errorCode is null
            ? $$"""{"statusCode":{{status}},"error":"{{error}}","message":{{JsonSerializer.Serialize(message, Relaxed)}}}"""
            : $$"""{"statusCode":{{status}},"error":"{{error}}","message":{{JsonSerializer.Serialize(message, Relaxed)}},"errorCode":"{{errorCode}}"}""";

    public static string InvalidBody(string message) => ErrorBody(400, "Bad Request", message, "invalid_body");

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
