using Microsoft.EntityFrameworkCore;
using SspPortal.Application.Profiles;

namespace SspPortal.Infrastructure.Persistence;

/// <summary>
/// The queries of the hottest API paths, compiled once. A LINQ query is otherwise rebuilt as an expression tree and
/// looked up in EF's query cache on every call (reflection, generic method construction, tree comparison): about a
/// tenth of an API read's CPU in bench/run.sh's profile. The tenant query filter still applies: its value is read from
/// the context each time the compiled query runs.
/// </summary>
internal static class CompiledQueries
{
    /// <summary>The profile with this id, untracked (null when absent or another tenant's).</summary>
    public static readonly Func<SspDbContext, string, CancellationToken, Task<SelfServiceProfile?>> ProfileById =
        EF.CompileAsyncQuery((SspDbContext db, string id, CancellationToken _) => db.Profiles.AsNoTracking().FirstOrDefault(p => p.Id == id));

    /// <summary>One page of the tenant's profiles, in the contract's order (created_at, then id).</summary>
    public static readonly Func<SspDbContext, int, int, IAsyncEnumerable<SelfServiceProfile>> ProfilePage = EF.CompileAsyncQuery(
        (SspDbContext db, int skip, int take) => db.Profiles.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(skip).Take(take)
    );

    /// <summary>How many profiles the tenant has.</summary>
    public static readonly Func<SspDbContext, CancellationToken, Task<int>> ProfileCount = EF.CompileAsyncQuery(
        (SspDbContext db, CancellationToken _) => db.Profiles.Count()
    );

    /// <summary>The allowed strategies of the profile with this id (null when absent): what issuing a ticket checks.</summary>
    public static readonly Func<SspDbContext, string, CancellationToken, Task<List<string>?>> ProfileStrategies = EF.CompileAsyncQuery(
        (SspDbContext db, string id, CancellationToken _) => db.Profiles.AsNoTracking().Where(p => p.Id == id).Select(p => p.AllowedStrategies).FirstOrDefault()
    );
}
