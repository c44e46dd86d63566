using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tenants;
using SspPortal.Application.Tickets;
using SspPortal.Infrastructure.Persistence;
using SspPortal.Infrastructure.Tenants;

namespace SspPortal.Infrastructure.Services;

/// <summary>The tenant's own settings for the portal's Settings page; the operator's settings stay with the <c>tenants</c> command.</summary>
internal sealed class TenantSettingsService(
    SspDbContextFactory contexts,
    TimeProvider clock,
    IOptions<SelfServiceOptions> selfService,
    ILogger<TenantSettingsService> logger
) : ITenantSettingsService
{
    /// <summary>The connection name the effective entity-id template is shown with.</summary>
    private const string ConnectionPlaceholder = TenantRules.ConnectionPlaceholder;

    public async Task<Result<TenantSettingsDto>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadProfiles)).As<TenantSettingsDto>();
        }

        await using var db = contexts.Unscoped();
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == actor.TenantId, cancellationToken);
        return tenant is null ? UnknownTenant(actor) : ToDto(tenant);
    }

    public async Task<Result<TenantSettingsDto>> UpdateAsync(
        Actor actor,
        UpdateTenantSettingsRequest request,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.Can(Scopes.UpdateTenantSettings))
        {
            return Result
                .Forbidden($"Only an Admin may change the tenant's settings. {Scopes.Insufficient(Scopes.UpdateTenantSettings)}")
                .As<TenantSettingsDto>();
        }

        var errors = new List<FieldError>();
        var callback = string.IsNullOrWhiteSpace(request.LoginCallbackUrl) ? null : request.LoginCallbackUrl.Trim();
        if (callback is not null && TenantRules.LoginCallbackUrlProblem(callback) is { } callbackProblem)
        {
            errors.Add(new FieldError("login_callback_url", callbackProblem));
        }

        var template = string.IsNullOrWhiteSpace(request.EntityIdTemplate) ? null : request.EntityIdTemplate.Trim();
        if (template is not null && TenantRules.EntityIdTemplateProblem(template) is { } templateProblem)
        {
            errors.Add(new FieldError("entity_id_template", templateProblem));
        }

        if (request.DefaultTicketLifetimeDays is { } days and (< 1 or > TicketRules.MaxDefaultLifetimeDays))
        {
            errors.Add(
                new FieldError(
                    "default_ticket_lifetime_days",
                    $"The default ticket lifetime must be a whole number of days from 1 to {TicketRules.MaxDefaultLifetimeDays}."
                )
            );
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).As<TenantSettingsDto>();
        }

        await using var db = contexts.Unscoped();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == actor.TenantId, cancellationToken);
        if (tenant is null)
        {
            return UnknownTenant(actor);
        }

        var changes = new List<string>();
        if (tenant.LoginCallbackUrl != callback)
        {
            changes.Add($"callback URL {AuditRecords.Quote(tenant.LoginCallbackUrl)} → {AuditRecords.Quote(callback)}");
            tenant.LoginCallbackUrl = callback;
        }

        if (tenant.EntityIdTemplate != template)
        {
            changes.Add($"entity-id template {AuditRecords.Quote(tenant.EntityIdTemplate)} → {AuditRecords.Quote(template)}");
            tenant.EntityIdTemplate = template;
        }

        if (tenant.DefaultTicketLifetimeDays != request.DefaultTicketLifetimeDays)
        {
            changes.Add($"default ticket lifetime {Days(tenant.DefaultTicketLifetimeDays)} → {Days(request.DefaultTicketLifetimeDays)}");
            tenant.DefaultTicketLifetimeDays = request.DefaultTicketLifetimeDays;
        }

        if (changes.Count > 0)
        {
            db.AuditEntries.Add(
                AuditRecords.Create(
                    actor,
                    AuditActions.TenantSettingsUpdated,
                    tenant.Id,
                    null,
                    Timestamps.Now(clock),
                    "Changed the tenant's settings: " + string.Join("; ", changes)
                )
            );
            await db.SaveChangesAsync(cancellationToken);
            logger.TenantSettingsUpdated(tenant.Id);
        }

        return ToDto(tenant);
    }

    private static string Days(int? days) => days is null ? "default" : $"{days} days";

    private Result<TenantSettingsDto> UnknownTenant(Actor actor)
    {
        logger.UnknownTenant(actor.TenantId);
        return Result.Forbidden("The tenant is not registered.").As<TenantSettingsDto>();
    }

    private TenantSettingsDto ToDto(Tenant tenant)
    {
        var defaults = IdentityProviderValues.For(
            new Tenant
            {
                Id = tenant.Id,
                DisplayName = tenant.DisplayName,
                Domain = tenant.Domain,
            },
            ConnectionPlaceholder
        );
        return new TenantSettingsDto(
            tenant.Id,
            tenant.DisplayName,
            tenant.Domain,
            tenant.CustomDomains,
            tenant.MaxProfiles ?? selfService.Value.MaxProfilesPerTenant,
            tenant.MaxProfiles is not null,
            tenant.LoginCallbackUrl,
            tenant.EntityIdTemplate,
            tenant.DefaultTicketLifetimeDays,
            defaults.CallbackUrl,
            defaults.EntityId,
            tenant.LoginCallbackUrl ?? defaults.CallbackUrl,
            tenant.EntityIdTemplate ?? defaults.EntityId,
            TicketRules.DefaultTtlSeconds(tenant.DefaultTicketLifetimeDays) / 86_400
        );
    }
}
