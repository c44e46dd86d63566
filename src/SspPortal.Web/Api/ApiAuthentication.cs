using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;

namespace SspPortal.Web.Api;

/// <summary>
/// Bearer authentication of the API: the JwtBearer scheme bound from <c>Authentication:Schemes:Bearer</c>,
/// the 401 body, and the gate every endpoint passes (tenant, rate limit, scope) before it runs.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    public const string PolicyName = "SspPortal.Api";

    private static readonly object ActorKey = new();

    public static IHostApplicationBuilder AddApiAuthentication(this IHostApplicationBuilder builder)
    {
        // The scheme's settings (Authority, ValidAudiences, ValidIssuer, SigningKeys…) come from the standard
        // Authentication:Schemes:Bearer section, which the JwtBearer package binds by itself for this scheme name.
        builder
            .Services.AddAuthentication()
            .AddJwtBearer(
                Scheme,
                options =>
                {
                    options.MapInboundClaims = false;
                    options.Events = new JwtBearerEvents
                    {
                        OnAuthenticationFailed = context =>
                        {
                            ApiLog.TokenRejected(Logger(context.HttpContext), context.Exception.GetType().Name);
                            return Task.CompletedTask;
                        },
                        OnTokenValidated = context =>
                        {
                            if (context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token)
                            {
                                var claimType = context
                                    .HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>()
                                    .CurrentValue.TenantClaimType;
                                TenantClaimShape.Inspect(context.HttpContext, token, claimType);
                            }

                            return Task.CompletedTask;
                        },
                        OnChallenge = WriteChallengeAsync,
                    };
                }
            );

        builder
            .Services.AddOptions<JwtBearerOptions>(Scheme)
            .PostConfigure<IConfiguration>(
                (options, configuration) =>
                {
                    var parameters = options.TokenValidationParameters;
                    if (parameters.IssuerSigningKeys is { } keys and not CachedSigningKeys and not ICollection<Microsoft.IdentityModel.Tokens.SecurityKey>)
                    {
                        parameters.IssuerSigningKeys = new CachedSigningKeys(keys, configuration);
                    }
                }
            );

        builder
            .Services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

        return builder;
    }

    /// <summary>The actor the gate built for this request.</summary>
    public static Actor GetApiActor(this HttpContext context) =>
        context.Items.TryGetValue(ActorKey, out var actor) && actor is Actor found
            ? found
            : throw new InvalidOperationException("The API gate did not run for this endpoint.");

    /// <summary>The scope an endpoint needs; the gate refuses tokens without it.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder builder, string scope) =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>The token's scopes: every <c>scope</c> claim split on spaces, and every <c>permissions</c> entry.</summary>
    public static HashSet<string> ReadScopes(ClaimsPrincipal principal)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll("scope"))
        {
            scopes.UnionWith(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var claim in principal.FindAll("permissions"))
        {
            if (!string.IsNullOrWhiteSpace(claim.Value))
            {
                scopes.Add(claim.Value.Trim());
            }
        }

        return scopes;
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var hasCredentials = !string.IsNullOrEmpty(context.Request.Headers.Authorization);
        context.Response.Headers.WWWAuthenticate = hasCredentials ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ApiResults.WriteAsync(
            context.HttpContext,
            StatusCodes.Status401Unauthorized,
            hasCredentials ? "Invalid token" : "Missing authentication"
        );
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAuthentication).FullName!);

    /// <summary>Endpoint metadata: the scope the endpoint needs.</summary>
    public sealed record RequiredScope(string Scope);

    /// <summary>
    /// Runs for every API endpoint after the bearer token is validated: resolves the tenant (unknown → 403),
    /// takes a permit from the tenant's budget (429), checks the endpoint's scope (403), and stores the
    /// <see cref="Actor"/> for the handler.
    /// </summary>
    internal sealed class AccessFilter(
        ITenantDirectory tenants,
        KnownTenants knownTenants,
        RateLimitBudget budget,
        IOptionsMonitor<ApiOptions> options,
        IOptionsMonitor<ApiRateLimitOptions> rateLimit,
        ILogger<AccessFilter> logger
    ) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var principal = http.User;
            var claimType = options.CurrentValue.TenantClaimType;
            Claim? tenantClaim = null;
            var tenantClaimCount = 0;
            foreach (var claim in principal.FindAll(claimType))
            {
                tenantClaim ??= claim;
                tenantClaimCount++;
            }

            if (
                TenantClaimShape.WasRefused(http)
                || tenantClaimCount > 1
                || tenantClaim is { ValueType: not ClaimValueTypes.String }
            )
            {
                ApiLog.TenantClaimNotOneString(logger, claimType);
                return ApiResults.Error(
                    StatusCodes.Status403Forbidden,
                    $"The token's {claimType} claim must be a single string.",
                    ApiResults.UnknownTenantErrorCode
                );
            }

            var tenantId = tenantClaim?.Value;
            if (string.IsNullOrWhiteSpace(tenantId))
            {
                ApiLog.MissingTenant(logger, claimType);
                return UnknownTenant();
            }

            var canonicalId = knownTenants.Find(tenantId);
            if (canonicalId is null)
            {
                var tenant = await tenants.FindAsync(tenantId, http.RequestAborted);
                if (tenant is null)
                {
                    ApiLog.UnknownTenant(logger, tenantId.Length > 64 ? tenantId[..64] : tenantId);
                    return UnknownTenant();
                }

                canonicalId = tenant.Id;
                knownTenants.Remember(tenantId, canonicalId);
            }

            var limit = rateLimit.CurrentValue;
            var decision = budget.Acquire("api:tenant:" + canonicalId, limit.PermitLimit, TimeSpan.FromSeconds(limit.WindowSeconds));
            decision.WriteHeaders(http.Response);
            if (!decision.Allowed)
            {
                ApiLog.RateLimited(logger, canonicalId);
                return ApiResults.Error(
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests for this tenant; retry after the rate limit window resets.",
                    ApiResults.RateLimitedErrorCode
                );
            }

            var scopes = ReadScopes(principal);
            var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
            if (required is not null && !scopes.Contains(required.Scope))
            {
                return ApiResults.InsufficientScope(required.Scope);
            }

            http.Items[ActorKey] = new Actor(canonicalId, Subject(principal), DisplayName(principal), scopes);
            return await next(context);
        }

        private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiError> UnknownTenant() =>
            ApiResults.Error(
                StatusCodes.Status403Forbidden,
                "The token is not bound to a known tenant.",
                ApiResults.UnknownTenantErrorCode
            );

        private static string Subject(ClaimsPrincipal principal) =>
            FirstOf(principal, "sub", "client_id", "azp") ?? "api-client";

        private static string DisplayName(ClaimsPrincipal principal) =>
            FirstOf(principal, "name", "client_id", "azp", "sub") ?? "API client";

        private static string? FirstOf(ClaimsPrincipal principal, params string[] types) =>
            types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }

    /// <summary>
    /// Tenants the directory confirmed recently (a minute), so that a busy client does not cost a directory lookup
    /// per request. Only tenants that exist are remembered, keyed by the claim value, holding the directory's id.
    /// </summary>
    internal sealed class KnownTenants(TimeProvider clock)
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Id, DateTimeOffset Until)> _known =
            new(StringComparer.Ordinal);

        public string? Find(string claimValue) =>
            _known.TryGetValue(claimValue, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Id : null;

        public void Remember(string claimValue, string tenantId) => _known[claimValue] = (tenantId, clock.GetUtcNow() + Lifetime);
    }
}
