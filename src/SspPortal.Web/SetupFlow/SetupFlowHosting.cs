namespace SspPortal.Web.SetupFlow;

/// <summary>The setup flow behind a ticket URL (/self-service/*).</summary>
public static class SetupFlowHosting
{
    public static IHostApplicationBuilder AddSetupFlow(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapSetupFlow(this WebApplication app) => app;
}
