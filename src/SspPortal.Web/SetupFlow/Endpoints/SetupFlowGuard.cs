using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SspPortal.Application.SetupFlow;
using SspPortal.Web.Api;
using SspPortal.Web.SetupFlow.Localization;

namespace SspPortal.Web.SetupFlow.Endpoints;

/// <summary>
/// Runs in front of everything under /self-service: no caching, no indexing (referrer and sniffing headers come from
/// SecurityHeadersMiddleware, on every response), and rate limits per client IP and
/// per tenant. Every request spends its client IP's budget. Only a request that belongs to a tenant (it carries a
/// usable ticket or an active session cookie) also spends that tenant's budget, so that nobody can use a tenant's
/// budget up with invented tickets, whatever the host or however many addresses they send from. A 429 carries the
/// same <c>X-RateLimit-*</c> headers as the API's, for the budget that refused. The tenant is resolved by the request's
/// own <see cref="IFlowTenantResolver"/> (scoped), which hands what it read to the flow service of the same request.
/// </summary>
public sealed partial class SetupFlowGuard(IOptionsMonitor<SetupFlowOptions> options, RateLimitBudget budget, ILogger<SetupFlowGuard> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly Func<object, Task> WriteFlowHeaders = state =>
    {
        var headers = ((HttpResponse)state).Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["X-Robots-Tag"] = "noindex";
        return Task.CompletedTask;
    };

    public static bool Applies(HttpContext context) => context.Request.Path.StartsWithSegments("/self-service", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(WriteFlowHeaders, context.Response);

        var settings = options.CurrentValue;
        var decision = budget.Acquire("flow:ip:" + ClientIp(context), settings.PerIpRequestsPerMinute, Window);
        if (!decision.Allowed)
        {
            Log.IpRateLimited(logger);
            await RefuseAsync(context, decision);
            return;
        }

        var tenantId = await OwnerAsync(context);
        if (tenantId is not null)
        {
            var tenantDecision = budget.Acquire("flow:tenant:" + tenantId, settings.PerTenantRequestsPerMinute, Window);
            if (!tenantDecision.Allowed)
            {
                Log.TenantRateLimited(logger, tenantId);
                await RefuseAsync(context, tenantDecision);
                return;
            }

            decision = decision.Tighter(tenantDecision);
        }

        decision.WriteHeaders(context.Response);
        await next(context);
    }

    /// <summary>The tenant of the ticket in the query (the front door), else of the session cookie; null for neither.</summary>
    private static Task<string?> OwnerAsync(HttpContext context)
    {
        var owners = context.RequestServices.GetRequiredService<IFlowTenantResolver>();
        var ticket = context.Request.Query["ticket"].ToString();
        if (!string.IsNullOrEmpty(ticket))
        {
            return owners.TenantOfUsableTicketAsync(ticket, context.RequestAborted);
        }

        var session = FlowCookie.Read(context);
        return string.IsNullOrEmpty(session) ? Task.FromResult<string?>(null) : owners.TenantOfActiveSessionAsync(session, context.RequestAborted);
    }

    private static async Task RefuseAsync(HttpContext context, RateLimitDecision decision)
    {
        decision.WriteHeaders(context.Response);
        var page = new RazorComponentResult<Pages.MessageDocument>(
            new { Language = FlowLanguages.Resolve(context), TitleKey = "ratelimited.title", BodyKey = "ratelimited.body", TestId = "rate-limited" }
        )
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        await page.ExecuteAsync(context);
    }

    /// <summary>
    /// The client's address as a budget key: an IPv4 address (also when it arrives IPv4-mapped), or the /64 network of
    /// an IPv6 address, since one client usually holds a whole /64 and could otherwise rotate through its addresses.
    /// </summary>
    internal static string ClientIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Setup flow rate limit reached for tenant {TenantId}")]
        public static partial void TenantRateLimited(ILogger logger, string tenantId);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Setup flow rate limit reached for a client address")]
        public static partial void IpRateLimited(ILogger logger);
    }
}
