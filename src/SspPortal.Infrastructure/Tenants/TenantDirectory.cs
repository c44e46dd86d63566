using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Common;
using SspPortal.Application.Tenants;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Tenants;

/// <summary>The tenants table: operator administration and the lookups the doors need. Not tenant-scoped by nature.</summary>
internal sealed partial class TenantDirectory(SspDbContextFactory contexts, TimeProvider clock, ILogger<TenantDirectory> logger)
    : ITenantDirectory
{
    public async Task<TenantDto?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        await using var context = contexts.Unscoped();
        var tenant = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false);
        return tenant is null ? null : ToDto(tenant);
    }

    public async Task<TenantDto?> FindByEntraTenantIdAsync(string entraTenantId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(entraTenantId))
        {
            return null;
        }

        await using var context = contexts.Unscoped();
        var tenant = await context
            .Tenants.AsNoTracking()
            .Where(t => t.EntraTenantId == entraTenantId)
            .OrderBy(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return tenant is null ? null : ToDto(tenant);
    }

    public async Task<IReadOnlyList<TenantDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = contexts.Unscoped();
        var tenants = await context.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. tenants.Select(ToDto)];
    }

    public async Task<Result<TenantDto>> AddAsync(AddTenantRequest request, CancellationToken cancellationToken = default)
    {
        var checkedRequest = TenantRules.Normalize(request);
        if (!checkedRequest.IsOk)
        {
            return checkedRequest.As<TenantDto>();
        }

        var valid = checkedRequest.Value;
        await using var context = contexts.Unscoped();
        if (await context.Tenants.AnyAsync(t => t.Id == valid.Id, cancellationToken).ConfigureAwait(false))
        {
            return Result.Conflict(DuplicateMessage(valid.Id)).As<TenantDto>();
        }

        var tenant = NewTenant(valid);
        context.Tenants.Add(tenant);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another writer added the same id between the check and the insert.
            return Result.Conflict(DuplicateMessage(valid.Id)).As<TenantDto>();
        }

        LogTenantAdded(logger, tenant.Id, tenant.Domain);
        return ToDto(tenant);
    }

    public async Task<Result<TenantDto>> UpdateAsync(UpdateTenantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var context = contexts.Unscoped();
        var tenant = await context.Tenants.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false);
        if (tenant is null)
        {
            return Result.NotFound($"There is no tenant with id '{request.Id}'.").As<TenantDto>();
        }

        // The changed tenant is checked as a whole, with the same rules as a new one.
        var checkedRequest = TenantRules.Normalize(
            new AddTenantRequest(
                tenant.Id,
                request.Domain ?? tenant.Domain,
                request.DisplayName ?? tenant.DisplayName,
                request.CustomDomains ?? tenant.CustomDomains,
                request.MaxProfiles ?? tenant.MaxProfiles,
                request.EntraTenantId ?? tenant.EntraTenantId,
                request.LoginCallbackUrl ?? tenant.LoginCallbackUrl,
                request.EntityIdTemplate ?? tenant.EntityIdTemplate
            )
        );
        if (!checkedRequest.IsOk)
        {
            return checkedRequest.As<TenantDto>();
        }

        var valid = checkedRequest.Value;
        tenant.Domain = valid.Domain;
        tenant.DisplayName = valid.DisplayName ?? valid.Id;
        tenant.CustomDomains = [.. valid.CustomDomains];
        tenant.MaxProfiles = valid.MaxProfiles;
        tenant.EntraTenantId = valid.EntraTenantId;
        tenant.LoginCallbackUrl = valid.LoginCallbackUrl;
        tenant.EntityIdTemplate = valid.EntityIdTemplate;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogTenantUpdated(logger, tenant.Id, tenant.Domain);
        return ToDto(tenant);
    }

    public async Task<TenantDto> EnsureAsync(AddTenantRequest request, CancellationToken cancellationToken = default)
    {
        var checkedRequest = TenantRules.Normalize(request);
        if (!checkedRequest.IsOk)
        {
            throw new ArgumentException(
                "Invalid tenant: " + string.Join(" ", checkedRequest.Errors.Select(e => $"{e.Path}: {e.Reason}")),
                nameof(request)
            );
        }

        var valid = checkedRequest.Value;
        for (var attempt = 0; ; attempt++)
        {
            await using var context = contexts.Unscoped();
            var tenant = await context.Tenants.SingleOrDefaultAsync(t => t.Id == valid.Id, cancellationToken).ConfigureAwait(false);
            if (tenant is null)
            {
                tenant = NewTenant(valid);
                context.Tenants.Add(tenant);
            }
            else if (tenant.Domain != valid.Domain)
            {
                LogTenantDomainChanged(logger, tenant.Id, tenant.Domain, valid.Domain);
                tenant.Domain = valid.Domain;
            }
            else
            {
                return ToDto(tenant);
            }

            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                LogTenantEnsured(logger, tenant.Id, tenant.Domain);
                return ToDto(tenant);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Created concurrently: read it again and update it instead.
            }
        }
    }

    private Tenant NewTenant(AddTenantRequest valid) =>
        new()
        {
            Id = valid.Id,
            DisplayName = valid.DisplayName ?? valid.Id,
            Domain = valid.Domain,
            CustomDomains = [.. valid.CustomDomains],
            MaxProfiles = valid.MaxProfiles,
            EntraTenantId = valid.EntraTenantId,
            LoginCallbackUrl = valid.LoginCallbackUrl,
            EntityIdTemplate = valid.EntityIdTemplate,
            CreatedAt = Timestamps.Now(clock),
        };

    private static string DuplicateMessage(string id) => $"A tenant with id '{id}' already exists.";

    private static TenantDto ToDto(Tenant tenant) =>
        new(
            tenant.Id,
            tenant.DisplayName,
            tenant.Domain,
            [.. tenant.CustomDomains],
            tenant.MaxProfiles,
            tenant.EntraTenantId,
            tenant.LoginCallbackUrl,
            tenant.EntityIdTemplate
        );

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Tenant {TenantId} added with domain {Domain}")]
    private static partial void LogTenantAdded(ILogger logger, string tenantId, string domain);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Tenant {TenantId} ensured with domain {Domain}")]
    private static partial void LogTenantEnsured(ILogger logger, string tenantId, string domain);

    [LoggerMessage(
        EventId = 1103,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId} domain changes from {OldDomain} to {NewDomain}"
    )]
    private static partial void LogTenantDomainChanged(ILogger logger, string tenantId, string oldDomain, string newDomain);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Tenant {TenantId} updated; domain {Domain}")]
    private static partial void LogTenantUpdated(ILogger logger, string tenantId, string domain);
}
