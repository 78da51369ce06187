using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Api;

// Each figure of the cohort report against a data set built by hand (the suite runs on SQLite and,
// in the test command, on PostgreSQL), with the figures a tutor sees for their own delegates.
public class ReportsApiTests(AppFactory app) : AppTest(app)
{
    private sealed record World(Cohort Cohort, Cohort Other, AppUser D1, AppUser D2, AppUser D3, AppUser D5);

    // Cohort C: d1, d2 (tutor A), d3, d5 (tutor B); cohort D: d4 (noise everywhere).
    private async Task<World> WorldAsync()
    {
        await Data.ProgrammeTeamAsync();
        var tutorA = await Data.TutorAsync("tutor-a@test.example");
        var tutorB = await Data.TutorAsync("tutor-b@test.example");
        var cohort = await Data.CohortAsync("NPQH Summer");
        var other = await Data.CohortAsync("NPQH Winter");
        var d1 = await Data.DelegateAsync(cohort, "d1@test.example", tutor: tutorA, name: "Delegate One");
        var d2 = await Data.DelegateAsync(cohort, "d2@test.example", tutor: tutorA, name: "Delegate Two");
        var d3 = await Data.DelegateAsync(cohort, "d3@test.example", tutor: tutorB, name: "Delegate Three");
        var d5 = await Data.DelegateAsync(cohort, "d5@test.example", tutor: tutorB, name: "Delegate Five");
        var d4 = await Data.DelegateAsync(other, "d4@test.example", tutor: tutorB, name: "Delegate Four");

        var group = await App.GroupAsync(cohort, [d1, d2, d3]);
        await App.GroupAsync(cohort, [], published: false, name: "Draft group");
        var otherGroup = await App.GroupAsync(other, [d4], name: "Other group");
        var s1 = await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [d1, d2], absent: [d3]);
        var s2 = await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [d1], absent: [d2, d3]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-3), [], [], recorded: false, cancelled: true);
        await App.SessionAsync(group, TimeSpan.FromDays(7));
        await App.ProblemCardAsync(s1, d1);
        await App.ProblemCardAsync(s2, d1);
        var noise = await App.RecordedSessionAsync(otherGroup, TimeSpan.FromDays(-7), present: [d4], absent: []);
        await App.ProblemCardAsync(noise, d4);

        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        var d1Held = await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-60)), d1);
        await App.FeedbackAsync(d1Held);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(10)), d1, project: 2, outsideWindow: true);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-10)), d2);
        var d3NoShow = await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-50)), d3);
        await App.FeedbackAsync(d3NoShow, held: false);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-20)), d5, status: BookingStatus.LateCancelled);
        var d4Held = await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-40)), d4);
        await App.FeedbackAsync(d4Held);

        await App.InvoiceAsync(partner, InvoiceStatus.Paid, vat: true, (d1Held.Id, 150_00), (d4Held.Id, 150_00));
        await App.InvoiceAsync(partner, InvoiceStatus.Rejected, vat: false, (d1Held.Id, 150_00));
        await App.InvoiceAsync(partner, InvoiceStatus.Submitted, vat: false, (d3NoShow.Id, 150_00));

        await Data.SubmissionAsync(d1, ProjectNumbers.Change, SubmissionStatus.Released);
        await Data.SubmissionAsync(d2, ProjectNumbers.Change, SubmissionStatus.Submitted);
        await Data.SubmissionAsync(d2, ProjectNumbers.Placement, SubmissionStatus.Draft);
        await Data.SubmissionAsync(d3, ProjectNumbers.Placement, SubmissionStatus.Assigned);
        await Data.SubmissionAsync(d4, ProjectNumbers.Change, SubmissionStatus.Released);
        return new World(cohort, other, d1, d2, d3, d5);
    }

    private static Dictionary<string, string[]> AtRisk(JsonElement report) =>
        report.GetProperty("atRisk").EnumerateArray().ToDictionary(
            e => e.GetProperty("delegateId").GetString()!,
            e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public async Task Get_ProgrammeTeam_EachFigureMatchesTheHandBuiltCohort()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("team@test.example");

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohorts/{w.Cohort.Id}");

        Assert.Equal(4, report.GetProperty("delegates").GetInt32());
        Assert.Equal(1, report.GetProperty("groups").GetInt32());
        var sessions = report.GetProperty("sessions");
        Assert.Equal(2, sessions.GetProperty("held").GetInt32());
        Assert.Equal(0.5, sessions.GetProperty("attendanceRate").GetDouble());   // 3 present of 6 expected
        Assert.Equal(0.3333, sessions.GetProperty("problemsPreparedRate").GetDouble());   // 2 cards of 6
        var tutorials = report.GetProperty("tutorials");
        Assert.Equal(1, tutorials.GetProperty("held").GetInt32());
        Assert.Equal(2, tutorials.GetProperty("booked").GetInt32());
        Assert.Equal(1, tutorials.GetProperty("outsideWindow").GetInt32());
        Assert.Equal(1, tutorials.GetProperty("lateCancellations").GetInt32());
        Assert.Equal(1, tutorials.GetProperty("noShows").GetInt32());
        Assert.Equal(1, tutorials.GetProperty("feedbackOverdue").GetInt32());
        var invoices = report.GetProperty("invoices");
        Assert.Equal(1, invoices.GetProperty("submitted").GetInt32());
        Assert.Equal(0, invoices.GetProperty("approved").GetInt32());
        Assert.Equal(1, invoices.GetProperty("paid").GetInt32());
        Assert.Equal(1, invoices.GetProperty("rejected").GetInt32());
        // d1's £150 line with its share of the invoice's VAT; d4's line is another cohort's.
        Assert.Equal("180.00", invoices.GetProperty("paidTotal").GetString());
        var projects = report.GetProperty("projects");
        Assert.Equal(2, projects.GetProperty("project1Submitted").GetInt32());
        Assert.Equal(1, projects.GetProperty("project2Submitted").GetInt32());
        Assert.Equal(1, projects.GetProperty("passed").GetInt32());

        var atRisk = AtRisk(report);
        Assert.Equal(3, atRisk.Count);
        Assert.Equal(["feedback-overdue", "no-problem-cards"], atRisk[w.D2.Id]);
        Assert.Equal(["missed-two-sessions", "no-problem-cards"], atRisk[w.D3.Id]);
        Assert.Equal(["tutorial-window-closed"], atRisk[w.D5.Id]);
    }

    [Fact]
    public async Task Get_Tutor_FiguresForTheirOwnDelegatesOnly()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("tutor-a@test.example");

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohorts/{w.Cohort.Id}");

        Assert.Equal(2, report.GetProperty("delegates").GetInt32());
        Assert.Equal(1, report.GetProperty("groups").GetInt32());
        var sessions = report.GetProperty("sessions");
        Assert.Equal(2, sessions.GetProperty("held").GetInt32());
        Assert.Equal(0.75, sessions.GetProperty("attendanceRate").GetDouble());
        Assert.Equal(0.5, sessions.GetProperty("problemsPreparedRate").GetDouble());
        var tutorials = report.GetProperty("tutorials");
        Assert.Equal(1, tutorials.GetProperty("held").GetInt32());
        Assert.Equal(2, tutorials.GetProperty("booked").GetInt32());
        Assert.Equal(0, tutorials.GetProperty("lateCancellations").GetInt32());
        Assert.Equal(0, tutorials.GetProperty("noShows").GetInt32());
        Assert.Equal(1, tutorials.GetProperty("feedbackOverdue").GetInt32());
        var invoices = report.GetProperty("invoices");
        Assert.Equal(0, invoices.GetProperty("submitted").GetInt32());
        Assert.Equal(1, invoices.GetProperty("paid").GetInt32());
        Assert.Equal("180.00", invoices.GetProperty("paidTotal").GetString());
        var projects = report.GetProperty("projects");
        Assert.Equal(2, projects.GetProperty("project1Submitted").GetInt32());
        Assert.Equal(0, projects.GetProperty("project2Submitted").GetInt32());
        Assert.Equal(1, projects.GetProperty("passed").GetInt32());
        Assert.Equal([w.D2.Id], AtRisk(report).Keys);
    }

    [Fact]
    public async Task Get_EmptyCohort_ZeroFiguresAndRatesOfZero()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var client = await SignedInAsync("team@test.example");

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohorts/{cohort.Id}");

        Assert.Equal(0, report.GetProperty("delegates").GetInt32());
        Assert.Equal(0, report.GetProperty("sessions").GetProperty("attendanceRate").GetDouble());
        Assert.Equal("0.00", report.GetProperty("invoices").GetProperty("paidTotal").GetString());
        Assert.Empty(report.GetProperty("atRisk").EnumerateArray());
    }

    [Fact]
    public async Task Get_TutorWithoutDelegatesInTheCohort_Returns403()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("tutor-a@test.example");

        var response = await client.GetAsync($"/api/v1/reports/cohorts/{w.Other.Id}");
        var csv = await client.GetAsync($"/api/v1/reports/cohorts/{w.Other.Id}/at-risk.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    [InlineData(Roles.Delegate)]
    public async Task Get_OtherRoles_Return403(string role)
    {
        var w = await WorldAsync();
        await Data.UserAsync("someone@test.example", "Some One", [role]);
        var client = await SignedInAsync("someone@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/cohorts/{w.Cohort.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/cohorts/{w.Cohort.Id}/at-risk.csv")).StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_Returns401()
    {
        var cohort = await Data.CohortAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync($"/api/v1/reports/cohorts/{cohort.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync($"/api/v1/reports/cohorts/{cohort.Id}/at-risk.csv")).StatusCode);
    }

    [Fact]
    public async Task Get_UnknownCohort_Returns404()
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/reports/cohorts/999999")).StatusCode);
    }

    [Fact]
    public async Task AtRiskCsv_BomEscapedFormulasOneLinePerRecordUkDates()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH\nSummer");
        await Data.DelegateAsync(cohort, "formula@test.example", name: "=HYPERLINK(\"x\")");
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync($"/api/v1/reports/cohorts/{cohort.Id}/at-risk.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Delegate,Email,Cohort,Tutor,Reasons,Checked on", lines[0]);
        Assert.Equal(2, lines.Length);   // the cohort's line break did not split the record
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",formula@test.example,NPQH / Summer,,Tutorial window closed without a booking,23/11/2026", lines[1]);
    }

    [Fact]
    public async Task AtRiskCsv_Tutor_OnlyTheirDelegates()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("tutor-b@test.example");

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/reports/cohorts/{w.Cohort.Id}/at-risk.csv"));

        Assert.Contains("Delegate Three", text, StringComparison.Ordinal);
        Assert.Contains("Delegate Five", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Delegate Two", text, StringComparison.Ordinal);
    }
}
