using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Application.Profiles;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>The profiles use cases (contract section 2): every rule lives here, whichever door calls.</summary>
internal sealed class SelfServiceProfileService(
    SspDbContextFactory contexts,
    TimeProvider clock,
    IOptions<SelfServiceOptions> options,
    IValidator<CreateProfileRequest> createValidator,
    IValidator<UpdateProfileRequest> updateValidator,
    IValidator<PageRequest> pageValidator,
    ILogger<SelfServiceProfileService> logger
) : ISelfServiceProfileService
{
    public async Task<Result<PagedList<SelfServiceProfileDto>>> ListAsync(
        Actor actor,
        PageRequest page,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(page);
        if (!actor.Can(Scopes.ReadProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadProfiles)).As<PagedList<SelfServiceProfileDto>>();
        }

        var validation = pageValidator.ValidateToResult(page, ErrorCodes.InvalidQueryString);
        if (!validation.IsOk)
        {
            return validation.As<PagedList<SelfServiceProfileDto>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var skip = (long)page.Page * page.PerPage;
        var items =
            skip > int.MaxValue
                ? []
                : await ToListAsync(CompiledQueries.ProfilePage(db, (int)skip, page.PerPage), cancellationToken);
        int? total = page.IncludeTotals ? await CompiledQueries.ProfileCount(db, cancellationToken) : null;
        return new PagedList<SelfServiceProfileDto>(
            items.Select(p => p.ToDto()).ToList(),
            (int)Math.Min(skip, int.MaxValue),
            page.PerPage,
            total
        );
    }

    public async Task<Result<PagedList<SelfServiceProfileDto>>> ListAsync(
        Actor actor,
        ProfileListQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Can(Scopes.ReadProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadProfiles)).As<PagedList<SelfServiceProfileDto>>();
        }

        var validation = pageValidator.ValidateToResult(query.Page, ErrorCodes.InvalidQueryString);
        if (!validation.IsOk)
        {
            return validation.As<PagedList<SelfServiceProfileDto>>();
        }

        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
        if (search is { Length: > ProfileListQuery.SearchMaxLength })
        {
            return Result
                .Invalid("search", WireRules.TooLong(search.Length, ProfileListQuery.SearchMaxLength), ErrorCodes.InvalidQueryString)
                .As<PagedList<SelfServiceProfileDto>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var profiles = db.Profiles.AsNoTracking();
        if (search is not null)
        {
            profiles = profiles.Where(p => p.Name.ToLower().Contains(search));
        }

        int? total = query.Page.IncludeTotals ? await profiles.CountAsync(cancellationToken) : null;
        var ordered = (query.Sort, query.Descending) switch
        {
            (ProfileSort.Name, false) => profiles.OrderBy(p => p.Name).ThenBy(p => p.Id),
            (ProfileSort.Name, true) => profiles.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            (ProfileSort.Updated, false) => profiles.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            (ProfileSort.Updated, true) => profiles.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
            (_, false) => profiles.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            (_, true) => profiles.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };
        var skip = (long)query.Page.Page * query.Page.PerPage;
        var items = skip > int.MaxValue ? [] : await ordered.Skip((int)skip).Take(query.Page.PerPage).ToListAsync(cancellationToken);
        return new PagedList<SelfServiceProfileDto>(
            items.Select(p => p.ToDto()).ToList(),
            (int)Math.Min(skip, int.MaxValue),
            query.Page.PerPage,
            total
        );
    }

    public async Task<Result<SelfServiceProfileDto>> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadProfiles)).As<SelfServiceProfileDto>();
        }

        if (PathValues.CheckProfileId(id) is { } badId)
        {
            return badId.As<SelfServiceProfileDto>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var profile = await CompiledQueries.ProfileById(db, id, cancellationToken);
        return profile is null
            ? Result.NotFound(ProfileRules.NotFoundMessage(id)).As<SelfServiceProfileDto>()
            : profile.ToDto();
    }

    public async Task<Result<SelfServiceProfileDto>> CreateAsync(
        Actor actor,
        CreateProfileRequest request,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.Can(Scopes.CreateProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.CreateProfiles)).As<SelfServiceProfileDto>();
        }

        var validation = createValidator.ValidateToResult(request);
        if (!validation.IsOk)
        {
            return validation.As<SelfServiceProfileDto>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);

        // Count and insert in one write transaction holding the tenant's lock (SQLite: BEGIN IMMEDIATE; the server
        // engines: the tenant row), so two concurrent creates cannot both see room for one more profile.
        var created = await db.InTransactionAsync(
            async (transaction, token) =>
            {
                await db.LockTenantAsync(actor.TenantId, token);
                var limit = await LimitAsync(db, actor.TenantId, token);
                if (limit is null)
                {
                    return UnknownTenant(actor).As<SelfServiceProfile>();
                }

                var used = await db.Profiles.CountAsync(token);
                if (used >= limit)
                {
                    return Result.Conflict(ProfileRules.LimitReachedMessage).As<SelfServiceProfile>();
                }

                var now = Timestamps.Now(clock);
                var profile = new SelfServiceProfile
                {
                    Id = Ids.NewProfileId(),
                    TenantId = actor.TenantId,
                    Name = request.Name!,
                    Description = request.Description,
                    UserAttributes = ProfileMapping.ToEntities(request.UserAttributes),
                    AllowedStrategies = request.AllowedStrategies is null ? [.. Strategies.Names] : [.. request.AllowedStrategies.Select(s => s!)],
                    Branding = ProfileMapping.ToEntity(request.Branding),
                    UserAttributeProfileId = request.UserAttributeProfileId,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Profiles.Add(profile);
                db.AuditEntries.Add(
                    AuditRecords.Create(
                        actor,
                        AuditActions.ProfileCreated,
                        profile.Id,
                        profile.Id,
                        now,
                        $"Created profile {AuditRecords.Quote(profile.Name)} ({profile.UserAttributes.Count} user attributes, {profile.AllowedStrategies.Count} strategies)"
                    )
                );
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return Result<SelfServiceProfile>.Ok(profile);
            },
            cancellationToken
        );
        if (!created.IsOk)
        {
            return created.As<SelfServiceProfileDto>();
        }

        logger.ProfileCreated(created.Value.Id, actor.TenantId);
        return created.Value.ToDto();
    }

    public async Task<Result<SelfServiceProfileDto>> UpdateAsync(
        Actor actor,
        string id,
        UpdateProfileRequest request,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.Can(Scopes.UpdateProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.UpdateProfiles)).As<SelfServiceProfileDto>();
        }

        if (PathValues.CheckProfileId(id) is { } badId)
        {
            return badId.As<SelfServiceProfileDto>();
        }

        var validation = updateValidator.ValidateToResult(request);
        if (!validation.IsOk)
        {
            return validation.As<SelfServiceProfileDto>();
        }

        // With an expected version (the portal), a write that landed since the editor loaded the profile is a Conflict.
        // Without one (the API's PATCH) the last writer wins: a write that lands between our read and our save is read
        // again and the PATCH applied on top of it, as often as it takes. Every lost race means another write was saved,
        // so the writers of a burst finish one by one; a cap on attempts would turn a busy profile into 409s, which the
        // contract keeps for the profile limit and connection names.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (result, lostRace) = await UpdateOnceAsync(actor, id, request, cancellationToken);
            if (!lostRace)
            {
                return result;
            }

            if (request.ExpectedVersion is not null)
            {
                logger.ProfileConcurrencyConflict(id, actor.TenantId);
                return Result.Conflict(ProfileRules.ConcurrencyConflictMessage).As<SelfServiceProfileDto>();
            }
        }
    }

    /// <summary>One read-change-save; <c>LostRace</c> when another write landed between the read and the save.</summary>
    private async Task<(Result<SelfServiceProfileDto> Result, bool LostRace)> UpdateOnceAsync(
        Actor actor,
        string id,
        UpdateProfileRequest request,
        CancellationToken cancellationToken
    )
    {
        await using var db = contexts.ForTenant(actor.TenantId);
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null)
        {
            return (Result.NotFound(ProfileRules.NotFoundMessage(id)).As<SelfServiceProfileDto>(), false);
        }

        if (request.ExpectedVersion is { } expected && expected != profile.Version)
        {
            logger.ProfileConcurrencyConflict(id, actor.TenantId);
            return (Result.Conflict(ProfileRules.ConcurrencyConflictMessage).As<SelfServiceProfileDto>(), false);
        }

        var changed = Apply(profile, request);
        if (
            (request.UserAttributes.HasValue || request.UserAttributeProfileId.HasValue)
            && profile.UserAttributeProfileId is not null
            && profile.UserAttributes.Count > 0
        )
        {
            return (
                Result.Invalid("user_attribute_profile_id", ProfileRules.UserAttributesExclusiveReason).As<SelfServiceProfileDto>(),
                false
            );
        }

        var now = Timestamps.Now(clock);
        // Every PATCH moves updated_at, even {} and even when the clock has not moved since the last write.
        profile.UpdatedAt = now > profile.UpdatedAt ? now : profile.UpdatedAt.AddMilliseconds(1);
        profile.Version = Guid.NewGuid();
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.ProfileUpdated,
                profile.Id,
                profile.Id,
                now,
                changed.Count == 0 ? "Updated with no field changes" : "Changed " + string.Join(", ", changed)
            )
        );

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (default!, true);
        }

        logger.ProfileUpdated(profile.Id, actor.TenantId);
        return (profile.ToDto(), false);
    }

    public async Task<Result> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.DeleteProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.DeleteProfiles));
        }

        if (PathValues.CheckProfileId(id) is { } badId)
        {
            return badId;
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null)
        {
            return Result.Ok();
        }

        var now = Timestamps.Now(clock);
        var texts = await db.CustomTexts.Where(t => t.ProfileId == id).ToListAsync(cancellationToken);
        db.CustomTexts.RemoveRange(texts);
        var tickets = await db
            .Tickets.Where(t => t.ProfileId == id && t.RevokedAt == null && t.CompletedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RevokedAt = now;
        }

        db.Profiles.Remove(profile);
        db.AuditEntries.Add(
            AuditRecords.Create(
                actor,
                AuditActions.ProfileDeleted,
                profile.Id,
                profile.Id,
                now,
                $"Deleted profile {AuditRecords.Quote(profile.Name)}; removed {texts.Count} custom texts, revoked {tickets.Count} tickets"
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        logger.ProfileDeleted(id, actor.TenantId, tickets.Count);
        return Result.Ok();
    }

    public async Task<Result<ProfileQuota>> GetQuotaAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadProfiles))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadProfiles)).As<ProfileQuota>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        var limit = await LimitAsync(db, actor.TenantId, cancellationToken);
        if (limit is null)
        {
            return UnknownTenant(actor).As<ProfileQuota>();
        }

        var used = await db.Profiles.CountAsync(cancellationToken);
        return new ProfileQuota(used, limit.Value);
    }

    private async Task<int?> LimitAsync(SspDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db
            .Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new { t.MaxProfiles })
            .FirstOrDefaultAsync(cancellationToken);
        return tenant is null ? null : tenant.MaxProfiles ?? options.Value.MaxProfilesPerTenant;
    }

    private Result UnknownTenant(Actor actor)
    {
        logger.UnknownTenant(actor.TenantId);
        return Result.Forbidden("The tenant is not registered.");
    }

    /// <summary>Applies the fields that were sent; returns the wire names of those that changed.</summary>
    private static List<string> Apply(SelfServiceProfile profile, UpdateProfileRequest request)
    {
        var changed = new List<string>();
        if (request.Name.HasValue && request.Name.Value != profile.Name)
        {
            profile.Name = request.Name.Value!;
            changed.Add("name");
        }

        if (request.Description.HasValue && request.Description.Value != profile.Description)
        {
            profile.Description = request.Description.Value;
            changed.Add("description");
        }

        if (request.UserAttributes.HasValue)
        {
            var attributes = ProfileMapping.ToEntities(request.UserAttributes.Value);
            if (!SameAttributes(profile.UserAttributes, attributes))
            {
                changed.Add("user_attributes");
            }

            profile.UserAttributes = attributes;
        }

        if (request.AllowedStrategies.HasValue)
        {
            var strategies = request.AllowedStrategies.Value!.Select(s => s!).ToList();
            if (!strategies.SequenceEqual(profile.AllowedStrategies, StringComparer.Ordinal))
            {
                changed.Add("allowed_strategies");
            }

            profile.AllowedStrategies = strategies;
        }

        if (request.Branding.HasValue)
        {
            var branding = ProfileMapping.ToEntity(request.Branding.Value);
            if (!SameBranding(profile.Branding, branding))
            {
                changed.Add("branding");
            }

            profile.Branding = branding;
        }

        if (request.UserAttributeProfileId.HasValue && request.UserAttributeProfileId.Value != profile.UserAttributeProfileId)
        {
            profile.UserAttributeProfileId = request.UserAttributeProfileId.Value;
            changed.Add("user_attribute_profile_id");
        }

        return changed;
    }

    private static bool SameAttributes(List<UserAttribute> left, List<UserAttribute> right) =>
        left.Count == right.Count
        && left.Zip(right).All(p => p.First.Name == p.Second.Name && p.First.Description == p.Second.Description && p.First.IsOptional == p.Second.IsOptional);

    private static bool SameBranding(Branding? left, Branding? right) =>
        (left, right) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => left.LogoUrl == right.LogoUrl && left.Colors?.Primary == right.Colors?.Primary,
        };

    private static async Task<List<SelfServiceProfile>> ToListAsync(IAsyncEnumerable<SelfServiceProfile> source, CancellationToken cancellationToken)
    {
        var list = new List<SelfServiceProfile>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
