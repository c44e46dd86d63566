using Microsoft.AspNetCore.Http.HttpResults;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.SetupFlow.Localization;
using SspPortal.Web.SetupFlow.Pages;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// The flow's endpoints: the front door that exchanges a ticket for a session, the OIDC test sign-in, and the SAML
/// metadata of a connection's service provider.
/// </summary>
public static class SetupFlowEndpoints
{
    public const string FrontDoorPath = "/self-service/connections-flow";
    public const string FlowPagePath = "/self-service/setup";
    public const string TestStartPath = "/self-service/test/start";
    public const string TestCallbackPath = "/self-service/test/callback";

    public static IEndpointRouteBuilder MapSetupFlowEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/self-service").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/connections-flow", OpenAsync);
        group.MapPost("/connections-flow", ContinueAsync);
        group.MapGet("/test/start", StartTestAsync);
        group.MapGet("/test/callback", CompleteTestAsync);
        group.MapGet(IdentityProviderValues.MetadataPath["/self-service".Length..], ServiceProviderMetadataAsync);
        return app;
    }

    /// <summary>
    /// GET /self-service/saml/metadata?connection=…: public SAML metadata for a connection of the tenant whose domain
    /// the request's host is, so that an identity provider can import it from the URL the flow shows. Nothing secret:
    /// the entity id and callback URL are shown in the flow too. Every well-formed name gets its document, whether a
    /// connection has that name or not, so the answer confirms no name (404 only for an unknown host or a malformed name).
    /// </summary>
    internal static async Task<IResult> ServiceProviderMetadataAsync(
        HttpContext context,
        TenantHostMap hosts,
        Application.Connections.IConnectionService connections,
        CancellationToken cancellationToken
    )
    {
        var connection = context.Request.Query["connection"].ToString();
        var tenantId = await hosts.TenantForHostAsync(context.Request.Host.Value ?? "", cancellationToken);
        if (tenantId is null || string.IsNullOrEmpty(connection))
        {
            return Results.NotFound();
        }

        var values = await connections.ServiceProviderValuesAsync(tenantId, connection, cancellationToken);
        return values.IsOk
            ? Results.Text(SamlServiceProviderMetadata.Write(values.Value), SamlServiceProviderMetadata.ContentType)
            : Results.NotFound();
    }

    /// <summary>
    /// GET /self-service/connections-flow?ticket=…: a usable ticket becomes a session cookie and a redirect without the
    /// ticket. Only a browser's own navigation (<c>Sec-Fetch-Mode: navigate</c>, <c>Sec-Fetch-Dest: document</c>) opens the
    /// ticket here; any other GET (a mail scanner fetching the link first, a preview, a browser too old to send those
    /// headers) gets a page that continues with a POST to the same URL (<see cref="ContinueAsync"/>), which costs nothing
    /// until a browser runs it.
    /// </summary>
    internal static async Task<IResult> OpenAsync(HttpContext context, ITicketFlowService flow, CancellationToken cancellationToken)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!string.IsNullOrEmpty(ticket) && !IsBrowserNavigation(context.Request))
        {
            var action = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            return new RazorComponentResult<ContinueDocument>(new { Language = FlowLanguages.Resolve(context), Action = action.ToString() });
        }

        return await OpenTicketAsync(context, flow, ticket, cancellationToken);
    }

    /// <summary>POST /self-service/connections-flow?ticket=…: the continue page's step; opens the ticket like a browser's GET.</summary>
    internal static Task<IResult> ContinueAsync(HttpContext context, ITicketFlowService flow, CancellationToken cancellationToken) =>
        OpenTicketAsync(context, flow, context.Request.Query["ticket"].ToString(), cancellationToken);

    private static async Task<IResult> OpenTicketAsync(HttpContext context, ITicketFlowService flow, string ticket, CancellationToken cancellationToken)
    {
        var language = FlowLanguages.Resolve(context);
        if (string.IsNullOrEmpty(ticket))
        {
            // Coming back without the ticket (a bookmark of the redirect, or the language picker): resume the session if any.
            var existing = FlowCookie.Read(context);
            if (existing is not null && (await flow.PulseAsync(existing, cancellationToken)).Active)
            {
                return Results.Redirect(FlowPageUrl(context));
            }

            return InvalidLink(language, StatusCodes.Status404NotFound);
        }

        // The browser's own flow cookie: a live session of this ticket is resumed where it was, not started again.
        var opened = await flow.OpenAsync(ticket, FlowCookie.Read(context), cancellationToken);
        switch (opened.Outcome)
        {
            case TicketOpenOutcome.Resumed:
                return Results.Redirect(FlowPageUrl(context));
            case TicketOpenOutcome.Opened:
                FlowCookie.Write(context, opened.SessionToken!, opened.SessionExpiresAt!.Value);
                return Results.Redirect(FlowPageUrl(context));
            case TicketOpenOutcome.Unknown:
                return InvalidLink(language, StatusCodes.Status404NotFound);
            default:
                return InvalidLink(language, StatusCodes.Status410Gone);
        }
    }

    /// <summary>
    /// A browser's top-level navigation, by the fetch metadata headers every current browser sends (a page cannot set
    /// them from script). Tools can send them too: this keeps out the scanners that fetch plainly, not a headless browser.
    /// </summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Headers["Sec-Fetch-Dest"], "document", StringComparison.OrdinalIgnoreCase);

    /// <summary>GET /self-service/test/start: sends the browser (a new window) to the IdP with this service's test callback.</summary>
    internal static async Task<IResult> StartTestAsync(HttpContext context, ITicketFlowService flow, CancellationToken cancellationToken)
    {
        var language = FlowLanguages.Resolve(context);
        var token = FlowCookie.Read(context);
        if (token is null)
        {
            return InvalidLink(language, StatusCodes.Status410Gone);
        }

        var callback = $"{context.Request.Scheme}://{context.Request.Host}{TestCallbackPath}";
        var started = await flow.BeginOidcTestAsync(token, callback, cancellationToken);
        if (started.IsOk)
        {
            return Results.Redirect(started.Value.AuthorizationUrl);
        }

        return started.Status == Application.Common.ResultStatus.NotFound
            ? InvalidLink(language, StatusCodes.Status410Gone)
            : Message(language, "test.title", "test.close", StatusCodes.Status400BadRequest, "test-done");
    }

    /// <summary>GET /self-service/test/callback: the IdP's answer; the open flow page picks up the report by itself.</summary>
    internal static async Task<IResult> CompleteTestAsync(HttpContext context, ITicketFlowService flow, CancellationToken cancellationToken)
    {
        var language = FlowLanguages.Resolve(context);
        var token = FlowCookie.Read(context);
        if (token is null)
        {
            return InvalidLink(language, StatusCodes.Status410Gone);
        }

        var query = context.Request.Query;
        var error = query["error"].ToString();
        var completed = await flow.CompleteOidcTestAsync(
            token,
            query["state"].ToString(),
            query["code"].ToString(),
            string.IsNullOrEmpty(error) ? null : $"{error} {query["error_description"]}".Trim(),
            cancellationToken
        );
        if (completed.Status == Application.Common.ResultStatus.NotFound)
        {
            return InvalidLink(language, StatusCodes.Status410Gone);
        }

        return Message(language, "test.title", "test.close", completed.IsOk ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, "test-done");
    }

    internal static IResult InvalidLink(string language, int statusCode) => InvalidLinkPages.Result(language, statusCode);

    internal static RazorComponentResult<MessageDocument> Message(string language, string titleKey, string bodyKey, int statusCode, string testId) =>
        new(new { Language = language, TitleKey = titleKey, BodyKey = bodyKey, TestId = testId }) { StatusCode = statusCode };

    private static string FlowPageUrl(HttpContext context)
    {
        var lang = FlowLanguages.Match(context.Request.Query["lang"].ToString());
        return lang is null ? FlowPagePath : $"{FlowPagePath}?lang={Uri.EscapeDataString(lang)}";
    }
}
