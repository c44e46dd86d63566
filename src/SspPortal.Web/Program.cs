using SspPortal.Infrastructure;
using SspPortal.Web.Api;
using SspPortal.Web.Authentication;
using SspPortal.Web.Hosting;
using SspPortal.Web.Operations;
using SspPortal.Web.SetupFlow;

// Operator commands (migrate, tenants …) run instead of the web server.
if (OperatorCommands.IsCommand(args))
{
    Environment.ExitCode = await OperatorCommands.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddOperations();
builder.AddPortalAuthentication();
builder.AddPortal();
builder.AddApi();
builder.AddSetupFlow();

var app = builder.Build();
app.UseOperations();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOperations();
app.MapApi();
app.MapSetupFlow();
app.MapAccountEndpoints();
app.MapPortal();
await app.RunAsync();

/// <summary>The entry point; public so that tests can host the app.</summary>
public partial class Program;
