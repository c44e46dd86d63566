using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Profiles;
using SspPortal.Application.SetupFlow;
using SspPortal.Application.Tickets;

namespace SspPortal.Web.Tests.SetupFlow;

/// <summary>A ticket opens at most ten times, exactly, however many visitors open it at once (real SQLite file, real parallelism).</summary>
public sealed class TicketOpenConcurrencyTests : IAsyncLifetime
{
    private const int Visitors = 40;
    private readonly FlowTestApp _app = new();
    private SelfServiceProfileDto _profile = default!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _profile = await _app.CreateProfileAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_CountsExactlyTenOpens_WhenFortyVisitorsOpenAFreshTicketAtOnce()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var opens = Enumerable
            .Range(0, Visitors)
            .Select(_ =>
                Task.Run(async () =>
                {
                    await start.Task;
                    await using var scope = _app.Services.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<ITicketFlowService>().OpenAsync(secret);
                })
            )
            .ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(opens);

        Assert.Equal(TicketRules.MaxOpens, outcomes.Count(o => o.Outcome == TicketOpenOutcome.Opened));
        Assert.Equal(Visitors - TicketRules.MaxOpens, outcomes.Count(o => o.Outcome == TicketOpenOutcome.Gone));
        Assert.Equal(TicketRules.MaxOpens, (await _app.TicketAsync(id)).OpenCount);
        Assert.Equal(TicketRules.MaxOpens, await SessionCountAsync(id));
        Assert.Equal(TicketRules.MaxOpens, outcomes.Where(o => o.SessionToken is not null).Select(o => o.SessionToken).Distinct().Count());
        Assert.Single(outcomes.Where(o => o.SessionExpiresAt is not null).Select(o => o.SessionExpiresAt).Distinct());
    }

    [Fact]
    public async Task FrontDoor_AnswersTenRedirectsAndThirty410s_WhenFortyVisitorsOpenAFreshTicketAtOnce()
    {
        var (secret, id) = await _app.IssueTicketAsync(_profile.Id);
        using var client = FlowTestApp.AsBrowser(
            _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{FlowTestApp.TenantDomain}") })
        );
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable
            .Range(0, Visitors)
            .Select(_ =>
                Task.Run(async () =>
                {
                    await start.Task;
                    using var response = await client.GetAsync(new Uri($"/self-service/connections-flow?ticket={secret}", UriKind.Relative));
                    return response.StatusCode;
                })
            )
            .ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(requests);

        Assert.Equal(TicketRules.MaxOpens, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(Visitors - TicketRules.MaxOpens, statuses.Count(s => s == HttpStatusCode.Gone));
        Assert.Equal(TicketRules.MaxOpens, (await _app.TicketAsync(id)).OpenCount);
    }

    private async Task<int> SessionCountAsync(Guid ticketId)
    {
        await using var db = _app.Db();
        return await db.FlowSessions.IgnoreQueryFilters().CountAsync(s => s.TicketId == ticketId);
    }
}
