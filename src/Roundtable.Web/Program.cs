using Roundtable.Web.Calendars;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.Infrastructure.Operations;
using Roundtable.Web.Insight;
using Roundtable.Web.Invoicing;
using Roundtable.Web.LiveSessions;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Scheduling;
using Roundtable.Web.Tutorials;

var builder = WebApplication.CreateBuilder(DeliverySetup.Options(args));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<AppLinks>();
builder.AddTransport();
builder.AddDatabase();
builder.AddUploads();
builder.AddAuth();
builder.AddApiAntiforgery();
builder.AddEmail();
builder.AddPages();
builder.AddApi();
builder.AddRateLimits();
builder.AddDelivery();
builder.AddReadiness();
builder.AddObservability();
builder.Services.AddPeople();
builder.Services.AddCommunities();
builder.AddLiveSessions();
builder.Services.AddProjects();
builder.Services.AddTutorials();
builder.Services.AddInvoicing();
builder.Services.AddCalendars();
builder.Services.AddDeclarations();
builder.Services.AddInsight();
builder.AddScheduling();
builder.AddDfe();

var app = builder.Build();
RequiredSettings.Check(app.Configuration, app.Environment);

if (args.Length > 0 && AdminCommands.IsCommand(args[0]))
{
    return await AdminCommands.RunAsync(app.Services, app.Configuration, args);
}

await app.PrepareDatabaseAsync();

app.UseTransport();
app.UseErrorHandling();
app.UseSecurityHeaders();
app.UseDelivery();
app.UseRouting();
app.UseAuthentication();
app.UseFreshBearerTokens();
app.UseMetricsEndpoint();
app.UseRateLimiter();
app.UseApiAntiforgery();
app.UseAuthorization();

app.MapHealth();
app.MapRazorPages();
app.MapApi();

await app.RunAsync();
return 0;

public partial class Program;
