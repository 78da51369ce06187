using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Pages;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;

namespace Roundtable.Tests.Dfe;

// Withdraw, defer and resume through the Training page (/Programme/Dfe/Training/{place}): recorded in
// Roundtable, sent to the fake DfE with a reason DfE allows, shown and audited; other roles turned away.
public class DfeTrainingPagesTests(AppFactory app) : DfeTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private static string Path(int place) => $"/Programme/Dfe/Training/{place}";

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Shown)> RecordAsync(HttpClient client, int place, string change, string reason = "")
    {
        var page = await client.GetDocumentAsync(Path(place));
        var response = await client.SendFormAsync(page, "#training-form", [new("Change", change), new("Reason", reason)]);
        var shown = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetDocumentAsync(response.Headers.Location!.OriginalString)
            : await Html.ParseAsync(response);
        return (response, shown);
    }

    [Fact]
    public async Task Withdraw_WithAReasonDfeAllows_IsRecorded_SentToDfe_Shown_AndAudited()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, place, dfeId) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0, name: "Ada Lovelace");
        var client = await TeamAsync();
        var team = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "team@test.example").Select(u => u.Id).SingleAsync());

        var (response, shown) = await RecordAsync(client, place, "Withdraw", "personal-reason-moving-school");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Recorded, and DfE has it.", shown.Text(), StringComparison.Ordinal);
        Assert.Equal("Withdrawn", shown.Text("#training-status"));
        Assert.Contains("23 November 2026", shown.Text("#history"), StringComparison.Ordinal);
        Assert.Contains("Withdraw (personal-reason-moving-school) · Sent", shown.Text("#history"), StringComparison.Ordinal);
        var call = Assert.Single(Fake.Requests);
        Assert.Equal(("PUT", $"/api/v3/participants/npq/{dfeId}/withdraw"), (call.Method, call.PathAndQuery));
        var enrolment = Assert.Single(Assert.Single(Fake.Participants).Enrolments);
        Assert.Equal("withdrawn", enrolment.TrainingStatus);
        Assert.Equal("personal-reason-moving-school", enrolment.Withdrawal?.Reason);
        Assert.Equal(TrainingStatus.Withdrawn, await App.WithDbAsync(db => db.Participants.Where(p => p.Id == place).Select(p => p.TrainingStatus).SingleAsync()));
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == DfeTraining.AuditRecordType && a.SubjectId == place).ToListAsync());
        var recorded = Assert.Single(audit, a => a.Action == "Training status: Withdraw");
        Assert.Equal(team, recorded.UserId);
        Assert.Equal("personal-reason-moving-school", recorded.Detail);
        Assert.Contains("Withdrawn", recorded.Changes, StringComparison.Ordinal);
        // The call itself is audited too (method and path), beside the change.
        Assert.Contains(audit, a => a.Action.StartsWith("DfE PUT", StringComparison.Ordinal) && (a.Changes ?? "").Contains("/withdraw", StringComparison.Ordinal));
        AssertNoViolations();
    }

    [Fact]
    public async Task Defer_ThenResume_EachGoesToDfe()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, place, dfeId) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        var client = await TeamAsync();

        var (_, deferred) = await RecordAsync(client, place, "Defer", "parental-leave");
        var deferredAtDfe = Assert.Single(Assert.Single(Fake.Participants).Enrolments).TrainingStatus;
        var (_, resumed) = await RecordAsync(client, place, "Resume");

        Assert.Equal("Deferred", deferred.Text("#training-status"));
        Assert.Equal("deferred", deferredAtDfe);
        Assert.Equal("Active", resumed.Text("#training-status"));
        Assert.Equal("active", Assert.Single(Assert.Single(Fake.Participants).Enrolments).TrainingStatus);
        Assert.Equal([$"/api/v3/participants/npq/{dfeId}/defer", $"/api/v3/participants/npq/{dfeId}/resume"], Fake.Requests.Select(r => r.PathAndQuery));
        Assert.Contains("Resume · Sent", resumed.Text("#history"), StringComparison.Ordinal);
        Assert.Contains("Defer (parental-leave) · Sent", resumed.Text("#history"), StringComparison.Ordinal);
        AssertNoViolations();
    }

    public static readonly TheoryData<string, string, string> Invalid = new()
    {
        { "", "", "Choose whether the delegate is withdrawing, deferring or resuming" },
        { "Withdraw", "", "Choose the reason DfE should be given" },
        // A deferral reason is not one DfE takes for a withdrawal, nor an invented one.
        { "Withdraw", "bereavement", "Choose the reason DfE should be given" },
        { "Defer", "fed-up", "Choose the reason DfE should be given" },
        { "Defer", "personal-reason-moving-school", "Choose the reason DfE should be given" },
        { "Resume", "", "The delegate is active: they cannot resume." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_ShowsTheGovukError_AndNothingIsRecordedOrSent(string change, string reason, string error)
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, place, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        var client = await TeamAsync();

        var (response, shown) = await RecordAsync(client, place, change, reason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, Assert.Single(Html.Errors(shown)));
        Assert.Equal("Active", shown.Text("#training-status"));
        Assert.Empty(Fake.Requests);
        Assert.Equal(0, await App.WithDbAsync(db => db.DfeStatusChanges.CountAsync()));
        Assert.Equal(TrainingStatus.Active, await App.WithDbAsync(db => db.Participants.Where(p => p.Id == place).Select(p => p.TrainingStatus).SingleAsync()));
    }

    [Fact]
    public async Task DfeRefuses_TheChangeStaysRecorded_AndTheRefusalIsShown()
    {
        var cohort = await Data.DfeCohortAsync(App);
        // A participant id DfE does not know.
        var (_, place, _) = await Data.DfeDelegateAsync(App, cohort, fake: null, "ada@test.example", sessionsAttended: 0);
        var client = await TeamAsync();

        var (response, shown) = await RecordAsync(client, place, "Withdraw", "other");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("DfE did not take it yet", shown.Text(), StringComparison.Ordinal);
        Assert.Equal("Withdrawn", shown.Text("#training-status"));
        var row = await App.WithDbAsync(db => db.DfeStatusChanges.SingleAsync());
        Assert.NotEqual(DfeSendState.Sent, row.State);
        Assert.False(string.IsNullOrEmpty(row.Error));
        Assert.Contains($"· {row.State}: ", shown.Text("#history"), StringComparison.Ordinal);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task UnknownPlace_IsNotFound()
    {
        var client = await TeamAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(987654))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task OtherRoles_AreTurnedAway_AndNothingIsRecordedOrSent(string role)
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, place, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        if (role != Roles.Delegate)
        {
            await Data.UserAsync("someone@test.example", roles: [role]);
        }
        // The delegate themself, for the delegate role.
        var client = await SignedInAsync(role == Roles.Delegate ? "ada@test.example" : "someone@test.example");

        var get = await client.GetAsync(Path(place));
        var post = await client.PostAsync(Path(place), new FormUrlEncodedContent([new("Change", "Withdraw"), new("Reason", "other")]));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.StatusCode == HttpStatusCode.Redirect && !post.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        Assert.Empty(Fake.Requests);
        Assert.Equal(0, await App.WithDbAsync(db => db.DfeStatusChanges.CountAsync()));
    }

    [Fact]
    public async Task CohortDelegateList_LinksToTheTrainingPage_ForDelegatesKnownToDfe()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, place, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0, name: "Ada Lovelace");
        await Data.DelegateAsync(cohort, "ben@test.example", name: "Ben Okri");
        var client = await TeamAsync();

        var page = await client.GetDocumentAsync($"/Programme/Cohorts/Details/{cohort.Id}");

        var link = Assert.Single(page.QuerySelectorAll("a[data-dfe-training]"));
        Assert.Equal(Path(place), link.GetAttribute("href"));
        Assert.Equal("DfE training status: active of Ada Lovelace", System.Text.RegularExpressions.Regex.Replace(link.TextContent, @"\s+", " ").Trim());
    }
}
