using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SspPortal.Application.Connections;
using SspPortal.Application.SetupFlow;

namespace SspPortal.Infrastructure.SetupFlow;

public static class SetupFlowServices
{
    /// <summary>The setup flow's and the connections' service implementations, and the <c>SetupFlow</c> settings.</summary>
    public static IServiceCollection AddSetupFlowServices(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<SetupFlowOptions>()
            .Bind(configuration.GetSection(SetupFlowOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FlowSecrets>();
        services.AddSingleton<IOutboundFetcher, OutboundFetcher>();
        // Per request: the guard's tenant resolution leaves what it read for the flow service of the same request.
        services.AddScoped<FlowRequestLookups>();
        services.AddScoped<IFlowTenantResolver, FlowTenantResolver>();
        services.AddScoped<ITicketFlowService, TicketFlowService>();
        services.AddScoped<IConnectionService, ConnectionService>();
        return services;
    }
}
