using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SspPortal.Application.Common;
using SspPortal.Application.Common.Validation;
using SspPortal.Application.CustomTexts;
using SspPortal.Application.Profiles;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Infrastructure.Services;

/// <summary>The custom-text use cases (contract section 3).</summary>
internal sealed class CustomTextService(
    SspDbContextFactory contexts,
    TimeProvider clock,
    IValidator<CustomTextPath> pathValidator,
    IValidator<CustomTextEntries> entriesValidator,
    ILogger<CustomTextService> logger
) : ICustomTextService
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public async Task<Result<IReadOnlyDictionary<string, string>>> GetAsync(
        Actor actor,
        string profileId,
        string language,
        string page,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Check(actor, Scopes.ReadCustomTexts, profileId, language, page) is { } failure)
        {
            return failure.As<IReadOnlyDictionary<string, string>>();
        }

        CustomTextCatalog.TryGetLanguage(language, out var canonical);
        await using var db = contexts.ForTenant(actor.TenantId);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return Result.NotFound(ProfileRules.NotFoundMessage(profileId)).As<IReadOnlyDictionary<string, string>>();
        }

        var text = await db
            .CustomTexts.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ProfileId == profileId && t.Language == canonical && t.Page == page, cancellationToken);
        return Result<IReadOnlyDictionary<string, string>>.Ok(text is null ? Empty : new Dictionary<string, string>(text.Entries));
    }

    public async Task<Result<IReadOnlyDictionary<string, string>>> SetAsync(
        Actor actor,
        string profileId,
        string language,
        string page,
        IReadOnlyDictionary<string, string?> entries,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(entries);
        if (Check(actor, Scopes.UpdateCustomTexts, profileId, language, page) is { } failure)
        {
            return failure.As<IReadOnlyDictionary<string, string>>();
        }

        var validation = entriesValidator.ValidateToResult(new CustomTextEntries(page, entries));
        if (!validation.IsOk)
        {
            return validation.As<IReadOnlyDictionary<string, string>>();
        }

        CustomTextCatalog.TryGetLanguage(language, out var canonical);
        await using var db = contexts.ForTenant(actor.TenantId);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return Result.NotFound(ProfileRules.NotFoundMessage(profileId)).As<IReadOnlyDictionary<string, string>>();
        }

        var now = Timestamps.Now(clock);
        var stored = await db.CustomTexts.FirstOrDefaultAsync(
            t => t.ProfileId == profileId && t.Language == canonical && t.Page == page,
            cancellationToken
        );
        var values = entries.ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);
        string action;
        if (values.Count == 0)
        {
            if (stored is not null)
            {
                db.CustomTexts.Remove(stored);
            }

            action = AuditActions.CustomTextReset;
        }
        else
        {
            if (stored is null)
            {
                db.CustomTexts.Add(
                    new CustomText
                    {
                        TenantId = actor.TenantId,
                        ProfileId = profileId,
                        Language = canonical,
                        Page = page,
                        Entries = values,
                        UpdatedAt = now,
                    }
                );
            }
            else
            {
                stored.Entries = values;
                stored.UpdatedAt = now;
            }

            action = AuditActions.CustomTextUpdated;
        }

        var summary =
            values.Count == 0
                ? $"Reset {canonical}/{page} to the default"
                : $"Set {canonical}/{page}: " + string.Join(", ", values.Select(v => $"{v.Key} ({v.Value.Length} chars)"));
        db.AuditEntries.Add(AuditRecords.Create(actor, action, profileId, profileId, now, summary));
        await db.SaveChangesAsync(cancellationToken);
        logger.CustomTextSaved(profileId, canonical, page, actor.TenantId);
        return Result<IReadOnlyDictionary<string, string>>.Ok(values);
    }

    public async Task<Result<IReadOnlyList<CustomTextKey>>> ListCustomizedAsync(
        Actor actor,
        string profileId,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadCustomTexts))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadCustomTexts)).As<IReadOnlyList<CustomTextKey>>();
        }

        if (PathValues.CheckProfileId(profileId) is { } badId)
        {
            return badId.As<IReadOnlyList<CustomTextKey>>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return Result.NotFound(ProfileRules.NotFoundMessage(profileId)).As<IReadOnlyList<CustomTextKey>>();
        }

        var keys = await db
            .CustomTexts.AsNoTracking()
            .Where(t => t.ProfileId == profileId)
            .Select(t => new CustomTextKey(t.Language, t.Page))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<CustomTextKey>>.Ok(
            keys.OrderBy(k => CatalogOrder(k.Language)).ThenBy(k => k.Page, StringComparer.Ordinal).ToList()
        );
    }

    public async Task<Result<ResolvedText>> ResolveIntroductionAsync(
        Actor actor,
        string profileId,
        string? language,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Scopes.ReadCustomTexts))
        {
            return Result.Forbidden(Scopes.Insufficient(Scopes.ReadCustomTexts)).As<ResolvedText>();
        }

        if (PathValues.CheckProfileId(profileId) is { } badId)
        {
            return badId.As<ResolvedText>();
        }

        await using var db = contexts.ForTenant(actor.TenantId);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return Result.NotFound(ProfileRules.NotFoundMessage(profileId)).As<ResolvedText>();
        }

        var texts = await db
            .CustomTexts.AsNoTracking()
            .Where(t => t.ProfileId == profileId && t.Page == CustomTextCatalog.GetStartedPage)
            .ToListAsync(cancellationToken);
        var introductions = texts
            .Where(t => t.Entries.ContainsKey(CustomTextCatalog.IntroductionKey))
            .ToDictionary(t => t.Language, t => t.Entries[CustomTextCatalog.IntroductionKey], StringComparer.OrdinalIgnoreCase);
        return CustomTextCatalog.ResolveIntroduction(language, introductions);
    }

    public Result CheckSet(Actor actor, string profileId, string language, string page)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Check(actor, Scopes.UpdateCustomTexts, profileId, language, page) ?? Result.Ok();
    }

    private Result? Check(Actor actor, string scope, string profileId, string language, string page)
    {
        if (!actor.Can(scope))
        {
            return Result.Forbidden(Scopes.Insufficient(scope));
        }

        if (PathValues.CheckProfileId(profileId) is { } badId)
        {
            return badId;
        }

        var path = pathValidator.ValidateToResult(new CustomTextPath(language, page), ErrorCodes.InvalidUri);
        return path.IsOk ? null : path;
    }

    private static int CatalogOrder(string language)
    {
        for (var i = 0; i < CustomTextCatalog.Languages.Count; i++)
        {
            if (CustomTextCatalog.Languages[i].Tag == language)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
