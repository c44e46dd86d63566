using SspPortal.Application.Common;
using SspPortal.Application.Profiles;
using SspPortal.Application.Tests.Support;

namespace SspPortal.Application.Tests.Profiles;

/// <summary>
/// The API's PATCH (no expected version) is last-writer-wins: concurrent writers on a real SQLite file never get a
/// Conflict, and none of them loses the fields it sent.
/// </summary>
public class ProfileConcurrentUpdateTests : ServiceTestBase
{
    private const int ConcurrentPatches = 12;
    private const int WritesPerWriter = 100;

    [Fact]
    public async Task Update_NeverReturnsConflict_WhenTwelvePatchesWithoutExpectedVersionRunAtOnce()
    {
        var original = await CreateProfileAsync();

        var results = await RunAtOnceAsync(
            Enumerable.Range(0, ConcurrentPatches).Select(i => (Func<Task<Result<SelfServiceProfileDto>>>)(() => Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = $"Name {i}" })))
        );

        Assert.All(results, r => Assert.True(r.IsOk, Describe(r)));
        var stored = (await Profiles.GetAsync(Editor, original.Id)).Value;
        Assert.Contains(stored.Name, results.Select(r => r.Value.Name));
        Assert.Equal(ConcurrentPatches, (await AuditEntriesAsync()).Count(a => a.Action == "profile.updated"));
    }

    [Fact]
    public async Task Update_KeepsEveryWritersFields_WhenFiveWritersPatchDifferentFieldsAtOnce()
    {
        var original = await CreateProfileAsync();
        var writers = new Func<int, UpdateProfileRequest>[]
        {
            k => new UpdateProfileRequest { Name = $"Name {k}" },
            k => new UpdateProfileRequest { Description = $"Description {k}" },
            k => new UpdateProfileRequest { Branding = new BrandingInput($"https://cdn.acme.test/logo-{k}.png", null) },
            k => new UpdateProfileRequest { AllowedStrategies = k % 2 == 0 ? new[] { "oidc", "samlp" } : new[] { "okta" } },
            k => new UpdateProfileRequest { UserAttributes = new[] { new UserAttributeInput($"attribute{k}", "Sent by the fifth writer", false) } },
        };

        var results = await RunAtOnceAsync(
            writers.Select(write =>
                (Func<Task<List<Result<SelfServiceProfileDto>>>>)(
                    async () =>
                    {
                        var mine = new List<Result<SelfServiceProfileDto>>();
                        for (var k = 0; k < WritesPerWriter; k++)
                        {
                            mine.Add(await Profiles.UpdateAsync(Editor, original.Id, write(k)));
                        }

                        return mine;
                    }
                )
            )
        );

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(writers.Length * WritesPerWriter, all.Count);
        Assert.Empty(all.Where(r => !r.IsOk).Select(Describe));
        var last = WritesPerWriter - 1;
        var stored = (await Profiles.GetAsync(Editor, original.Id)).Value;
        Assert.Equal($"Name {last}", stored.Name);
        Assert.Equal($"Description {last}", stored.Description);
        Assert.Equal($"https://cdn.acme.test/logo-{last}.png", stored.Branding?.LogoUrl);
        Assert.Equal(["okta"], stored.AllowedStrategies);
        Assert.Equal($"attribute{last}", Assert.Single(stored.UserAttributes).Name);
    }

    [Fact]
    public async Task Update_StillReturnsConflict_WhenConcurrentPatchesCarryTheSameExpectedVersion()
    {
        var original = await CreateProfileAsync();

        var results = await RunAtOnceAsync(
            Enumerable
                .Range(0, ConcurrentPatches)
                .Select(i =>
                    (Func<Task<Result<SelfServiceProfileDto>>>)(
                        () => Profiles.UpdateAsync(Editor, original.Id, new UpdateProfileRequest { Name = $"Editor {i}", ExpectedVersion = original.Version })
                    )
                )
        );

        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ResultStatus.Conflict, r.Status));
    }

    /// <summary>
    /// Starts every operation on the thread pool, released together. SQLite calls block their thread, so the pool
    /// gets a thread per operation first: with only one per core, two operations at most would ever overlap.
    /// </summary>
    private static async Task<T[]> RunAtOnceAsync<T>(IEnumerable<Func<Task<T>>> operations)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * ConcurrentPatches), completionPorts);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = operations
            .Select(operation =>
                Task.Run(async () =>
                {
                    await start.Task;
                    return await operation();
                })
            )
            .ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }
}
