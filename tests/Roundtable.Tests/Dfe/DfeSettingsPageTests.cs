using System.Collections.Concurrent;
using AngleSharp.Dom;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;
using Roundtable.Web.Pages.Programme.Dfe;

namespace Roundtable.Tests.Dfe;

// The DfE settings page's form: valid settings saved and audited, the token write-only (never on a
// page, in the audit trail or in the logs), invalid ones shown with GOV.UK errors and nothing saved.
public class DfeSettingsPageTests(AppFactory app) : DfeTest(app)
{
    private const string NewToken = "sandbox-token-7c1e9b44d2a0wxyz";

    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    internal static Dictionary<string, string> Form(Cohort cohort, string baseUrl, string token, string year = "2025", string course = DfeCourses.Headship) => new()
    {
        ["Input.BaseUrl"] = baseUrl,
        ["Input.Token"] = token,
        ["Input.ProviderName"] = "Roundtable Leadership Learning",
        [$"Courses[{cohort.ProgrammeId}]"] = course,
        [$"Years[{cohort.Id}]"] = year,
    };

    [Fact]
    public async Task Valid_IsSaved_Audited_AndTheTokenIsNeverShownAgain()
    {
        var cohort = await Data.CohortAsync("NPQH 2025");
        var client = await TeamAsync();
        var team = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "team@test.example").Select(u => u.Id).SingleAsync());

        var saved = await client.PostFormAsync("/Programme/Dfe/Settings", Form(cohort, Fake.BaseUrl.ToString(), NewToken), "#dfe-settings-form");
        var page = await client.GetDocumentAsync("/Programme/Dfe/Settings");
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("DfE settings saved.", page.Text(), StringComparison.Ordinal);
        Assert.Contains("A token ending wxyz is saved.", page.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(NewToken, html, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Token")!.Value);
        var stored = await App.WithDbAsync(db => db.DfeSettings.SingleAsync());
        Assert.Equal(Fake.BaseUrl.ToString(), stored.BaseUrl);
        Assert.DoesNotContain(NewToken, stored.ProtectedToken, StringComparison.Ordinal);
        var (programmeCourse, cohortYear) = await App.WithDbAsync(async db =>
            (await db.Programmes.Where(p => p.Id == cohort.ProgrammeId).Select(p => p.DfeCourseIdentifier).SingleAsync(),
             await db.Cohorts.Where(c => c.Id == cohort.Id).Select(c => c.DfeCohortYear).SingleAsync()));
        Assert.Equal(DfeCourses.Headship, programmeCourse);
        Assert.Equal(2025, cohortYear);
        var audit = Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == SettingsModel.AuditRecordType).ToListAsync()));
        Assert.Equal(team, audit.UserId);
        Assert.Contains("NPQH course", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("(replaced)", audit.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(NewToken, audit.Changes + audit.Detail + audit.Action, StringComparison.Ordinal);
        // The saved token is the one sent to DfE.
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(NewToken, (await scope.ServiceProvider.GetRequiredService<DfeConnection>().GetAsync(default))!.Token);
    }

    [Fact]
    public async Task BlankToken_KeepsTheSavedOne()
    {
        var cohort = await Data.CohortAsync("NPQH 2025");
        var client = await TeamAsync();
        var before = await App.WithDbAsync(db => db.DfeSettings.Select(s => s.ProtectedToken).SingleAsync());

        var saved = await client.PostFormAsync("/Programme/Dfe/Settings", Form(cohort, Fake.BaseUrl.ToString(), ""), "#dfe-settings-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before, await App.WithDbAsync(db => db.DfeSettings.Select(s => s.ProtectedToken).SingleAsync()));
    }

    [Fact]
    public async Task Invalid_ShowsGovukErrors_NothingIsSaved_AndTheTypedTokenIsNotEchoed()
    {
        var cohort = await Data.CohortAsync("NPQH 2025");
        var client = await TeamAsync();
        var before = await App.WithDbAsync(db => db.DfeSettings.AsNoTracking().SingleAsync());

        var response = await client.PostFormAsync("/Programme/Dfe/Settings",
            Form(cohort, "ftp://dfe.example/", NewToken, year: "25", course: "npq-underwater-basket-weaving"), "#dfe-settings-form");
        var shown = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Enter DfE's address starting with https://, for example https://sandbox.npq.education.gov.uk/",
             $"Enter the cohort year as four digits, from {SettingsModel.MinYear} to {SettingsModel.MaxYear}", "Choose one of DfE's courses"],
            Html.Errors(shown));
        Assert.DoesNotContain(NewToken, shown.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var after = await App.WithDbAsync(db => db.DfeSettings.AsNoTracking().SingleAsync());
        Assert.Equal((before.BaseUrl, before.ProtectedToken), (after.BaseUrl, after.ProtectedToken));
        Assert.Null(await App.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohort.Id).Select(c => c.DfeCohortYear).SingleAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == SettingsModel.AuditRecordType)));
    }

    [Theory]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task OtherRoles_AreTurnedAway_AndNothingIsSaved(string role)
    {
        var cohort = await Data.CohortAsync("NPQH 2025");
        if (role == Roles.Delegate)
        {
            await Data.DelegateAsync(cohort, "someone@test.example");
        }
        else
        {
            await Data.UserAsync("someone@test.example", roles: [role]);
        }
        var client = await SignedInAsync("someone@test.example");
        var before = await App.WithDbAsync(db => db.DfeSettings.AsNoTracking().SingleAsync());

        var get = await client.GetAsync("/Programme/Dfe/Settings");
        var post = await client.PostAsync("/Programme/Dfe/Settings", new FormUrlEncodedContent(Form(cohort, "https://evil.example/", NewToken)));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        var after = await App.WithDbAsync(db => db.DfeSettings.AsNoTracking().SingleAsync());
        Assert.Equal((before.BaseUrl, before.ProtectedToken), (after.BaseUrl, after.ProtectedToken));
    }

    [Fact]
    public async Task TheToken_IsNeverWrittenToTheLogs_SavingSyncingOrSending()
    {
        await using var fake = await FakeDfeServer.StartAsync();
        var logs = new CapturedLogs();
        var app = new LoggedApp(logs);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            fake.Clock = app.Clock;
            var data = new TestData(app);
            var cohort = await data.CohortAsync("NPQH 2025");
            var (_, place, _) = await data.DfeDelegateAsync(app, cohort, fake, "ada@test.example", sessionsAttended: 1);
            fake.AddApplication("Log Watcher");
            await data.ProgrammeTeamAsync();
            var client = app.BrowserClient();
            await client.SignInAsync("team@test.example", TestData.Password);

            // DfE's token, as the team enters it on the page.
            var saved = await client.PostFormAsync("/Programme/Dfe/Settings", Form(cohort, fake.BaseUrl.ToString(), FakeDfeServer.Token), "#dfe-settings-form");
            var sync = await client.PostAsync("/api/v1/dfe/sync", null);
            var submit = await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });
            fake.ServerErrors = 1;
            var withdraw = await client.PostFormAsync($"/Programme/Dfe/Training/{place}", new() { ["Change"] = "Withdraw", ["Reason"] = "other" }, "#training-form");

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
            Assert.Contains(fake.Requests, r => r.Authorization == "Bearer " + FakeDfeServer.Token);
            Assert.NotEmpty(logs.Messages);
            Assert.All(logs.Messages, m => Assert.DoesNotContain(FakeDfeServer.Token, m, StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private sealed class LoggedApp(CapturedLogs logs) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DemoData:Enabled", "false");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }
    }

    // Every message at every level, with its exception.
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{category} {logLevel}: {formatter(state, exception)} {exception} {state}"));
        }
    }
}
