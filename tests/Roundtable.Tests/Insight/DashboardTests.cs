using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Dfe;
using Roundtable.Web.Insight;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Insight;

// Each dashboard figure against a data set built by hand (the suite runs on SQLite and, with
// ROUNDTABLE_TEST_POSTGRES, on PostgreSQL): the cohort report's world (ReportsApiTests) plus a
// chair, a budget and two DfE declarations. The clock is 23 November 2026; the cohorts started on
// 23 July, so tutorial 1's window has closed.
public class DashboardTests(AppFactory app) : AppTest(app)
{
    private sealed record World(Cohort Cohort, Cohort Other, AppUser D1, AppUser D2, AppUser D3, AppUser D5);

    // Cohort C: d1, d2 (tutor A), d3, d5 (tutor B); cohort D (same programme): d4.
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

        var group = await App.GroupAsync(cohort, [d1, d2, d3], name: "Group <A> & co");
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
        // d1 chaired the first session (d4 chaired in the other cohort).
        await App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Id == s1.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ChairId, d1.Id)));
        await App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Id == noise.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ChairId, d4.Id)));

        var partner = await App.PartnerProfileAsync(await Data.PartnerAsync());
        var d1Held = await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-60)), d1);
        await App.FeedbackAsync(d1Held);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(10)), d1, project: 2, outsideWindow: true);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromDays(-10)), d2);
        await App.BookingAsync(await App.SlotAsync(partner, TimeSpan.FromHours(-3)), d3, project: 2);
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

        await DeclarationAsync(d1, DeclarationType.Started, DeclarationState.Submitted);
        await DeclarationAsync(d2, DeclarationType.Started, DeclarationState.Ready);
        await DeclarationAsync(d3, DeclarationType.Started, DeclarationState.Voided);
        await DeclarationAsync(d4, DeclarationType.Started, DeclarationState.Ready);
        await App.WithDbAsync(async db =>
        {
            db.CohortBudgets.Add(new CohortBudget { CohortId = cohort.Id, AmountPence = 500_00, SetAt = App.Clock.GetUtcNow().UtcDateTime });
            db.CohortBudgets.Add(new CohortBudget { CohortId = other.Id, AmountPence = 250_00, SetAt = App.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        return new World(cohort, other, d1, d2, d3, d5);
    }

    private async Task DeclarationAsync(AppUser user, DeclarationType type, DeclarationState state)
    {
        var participantId = await Data.ParticipantIdAsync(user);
        await App.WithDbAsync(async db =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            db.Declarations.Add(new Declaration
            {
                ParticipantId = participantId, Type = type, DeclarationDate = now, Evidence = "Attended", State = state, CreatedAt = now, UpdatedAt = now,
                SubmittedAt = state == DeclarationState.Submitted ? now : null,
            });
            await db.SaveChangesAsync();
        });
    }

    private async Task<DashboardFigures> FiguresAsync(ReportScope scope)
    {
        await using var services = App.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<ProgrammeDashboard>().ForAsync(scope);
    }

    [Fact]
    public async Task Cohort_EachFigureMatchesTheHandBuiltCohort()
    {
        var w = await WorldAsync();

        var f = await FiguresAsync(new ReportScope(w.Cohort.Id, null));

        // Both recorded sessions are in November: 3 of 6 present.
        Assert.Equal([new AttendanceMonth(2026, 11, 6, 3)], f.AttendanceByMonth);
        var group = Assert.Single(f.AttendanceByGroup);
        Assert.Equal(("Group <A> & co", 6, 3), (group.Name, group.Expected, group.Present));
        Assert.Equal(new ChairCoverage(3, 1), f.Chairs);
        Assert.Equal((6, 3, 2), (f.Report.Sessions.Expected, f.Report.Sessions.Present, f.Report.Sessions.Prepared));
        // Tutorial 1: d1 (held), d2 (booked), d3 (no-show) on time; d5 only late-cancelled, the window closed.
        // Tutorial 2: d1's is outside the window, d3's started three hours ago; d2 and d5 not booked yet.
        Assert.Equal([new TutorialWindowFigures(1, 3, 0, 1, 0), new TutorialWindowFigures(2, 1, 1, 0, 2)], f.TutorialWindows);
        // d2's tutorial (ten days ago) is overdue; d3's tutorial 2 (three hours ago) is awaiting feedback.
        Assert.Equal(new FeedbackFigures(1, 1), f.Feedback);
        // d1's £150 line with its £30 share of VAT, paid today; d4's is the other cohort's.
        Assert.Equal([new SpendMonth(2026, 11, 180_00, 180_00)], f.Spend);
        Assert.Equal(f.Report.Invoices.PaidTotalPence, f.Spend.Sum(m => m.PaidPence));
        Assert.Equal(500_00, f.BudgetPence);
        // Requirements met: the submitted (d2's Project 2 draft has words but no project record).
        Assert.Equal([new ProjectFunnel(1, 4, 2, 2, 2, 1, 0), new ProjectFunnel(2, 4, 2, 1, 1, 0, 0)], f.Projects);
        Assert.Equal(new DeclarationFigures(DeclarationType.Started, 1, 1), f.Declarations.Single(d => d.Type == DeclarationType.Started));
        Assert.All(f.Declarations.Where(d => d.Type != DeclarationType.Started), d => Assert.Equal((0, 0), (d.Ready, d.Submitted)));
    }

    [Fact]
    public async Task Funnel_RequirementsMet_EveryRequirementMetNowOrSubmitted()
    {
        var cohort = await Data.CohortAsync();
        var team = await Data.ProgrammeTeamAsync();
        // The documents requirements need published criteria: the team overrides them here.
        string[] documents = [RequirementKeys.DocumentsMapped, RequirementKeys.CriteriaEvidenced];
        var written = await Data.DelegateAsync(cohort, name: "Wren Written");
        await Data.Project1Async(written);
        await Data.SubmissionAsync(written, ProjectNumbers.Change, SubmissionStatus.Draft);
        await OverrideAsync(written, ProjectNumbers.Change, team, documents);
        var noDocuments = await Data.DelegateAsync(cohort, name: "Nia Nodocs");
        await Data.Project1Async(noDocuments);
        await Data.SubmissionAsync(noDocuments, ProjectNumbers.Change, SubmissionStatus.Draft);
        var overridden = await Data.DelegateAsync(cohort, name: "Otto Overridden");
        await Data.Project1Async(overridden);
        await OverrideAsync(overridden, ProjectNumbers.Change, team, [RequirementKeys.AccountWords, .. documents]);
        var lateBoard = await Data.DelegateAsync(cohort, name: "Lea Lateboard");
        await Data.Project1Async(lateBoard, boardBeforeImplementation: false);
        await Data.SubmissionAsync(lateBoard, ProjectNumbers.Change, SubmissionStatus.Draft);
        await OverrideAsync(lateBoard, ProjectNumbers.Change, team, documents);
        var withdrawn = await Data.DelegateAsync(cohort, name: "Will Withdrawn");
        await Data.Project1Async(withdrawn);
        await OverrideAsync(withdrawn, ProjectNumbers.Change, team, [RequirementKeys.AccountWords, .. documents], withdrawn: true);
        var submitted = await Data.DelegateAsync(cohort, name: "Sue Submitted");
        await Data.SubmissionAsync(submitted, ProjectNumbers.Change, SubmissionStatus.Submitted);
        await Data.DelegateAsync(cohort, name: "Nat Notstarted");
        // Project 2: nine placement days meet it; five do not.
        await Data.Project2Async(written);
        await Data.SubmissionAsync(written, ProjectNumbers.Placement, SubmissionStatus.Draft);
        await OverrideAsync(written, ProjectNumbers.Placement, team, documents);
        await Data.Project2Async(noDocuments, TestData.NinePlacementDays.Take(5));
        await Data.SubmissionAsync(noDocuments, ProjectNumbers.Placement, SubmissionStatus.Draft);
        await OverrideAsync(noDocuments, ProjectNumbers.Placement, team, documents);

        var f = await FiguresAsync(new ReportScope(cohort.Id, null));

        Assert.Equal(new ProjectFunnel(1, 7, 6, 3, 1, 0, 0), f.Projects[0]);
        Assert.Equal(new ProjectFunnel(2, 7, 2, 1, 0, 0, 0), f.Projects[1]);

        // The page shows the stage in the chart and in its table.
        var client = await SignedInAsync("team@test.example");
        var page = await client.GetDocumentAsync($"/Programme/Dashboard?cohort={cohort.Id}");
        Assert.Contains("3 met the requirements", page.QuerySelector("#chart-project1")!.TextContent);
        var row = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == ProjectNumbers.Name(1))
            .QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == "Requirements met");
        Assert.Equal("3", row.QuerySelector("td")!.TextContent.Trim());
    }

    private async Task OverrideAsync(AppUser user, int project, AppUser team, IEnumerable<string> keys, bool withdrawn = false)
    {
        var participantId = await Data.ParticipantIdAsync(user);
        await App.WithDbAsync(async db =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            db.RequirementOverrides.AddRange(keys.Select(k => new RequirementOverride
            {
                ParticipantId = participantId, Project = project, Key = k, Reason = "Agreed with the assessor", CreatedById = team.Id, CreatedByName = "Pat Team",
                CreatedAt = now, WithdrawnAt = withdrawn ? now : null,
            }));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Programme_AddsEveryCohortOfTheProgramme()
    {
        var w = await WorldAsync();
        var programmeId = w.Cohort.ProgrammeId;
        await Data.CohortAsync("NPQSL Spring", programmeCode: "NPQSL");

        var f = await FiguresAsync(ReportScope.WholeProgramme(programmeId));

        Assert.Equal(5, f.Report.Delegates);
        Assert.Equal(2, f.Report.Groups);
        Assert.Equal([new AttendanceMonth(2026, 11, 7, 4)], f.AttendanceByMonth);
        Assert.Equal(["Group <A> & co", "Other group"], f.AttendanceByGroup.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.Equal(new ChairCoverage(4, 2), f.Chairs);
        Assert.Equal([new SpendMonth(2026, 11, 360_00, 360_00)], f.Spend);
        Assert.Equal(750_00, f.BudgetPence);
        Assert.Equal(new DeclarationFigures(DeclarationType.Started, 2, 1), f.Declarations.Single(d => d.Type == DeclarationType.Started));
    }

    [Fact]
    public async Task Cohort_DashboardAgreesWithTheReportApi()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("team@test.example");

        var api = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/reports/cohorts/{w.Cohort.Id}");
        var f = await FiguresAsync(new ReportScope(w.Cohort.Id, null));

        Assert.Equal(api.GetProperty("delegates").GetInt32(), f.Report.Delegates);
        Assert.Equal(api.GetProperty("invoices").GetProperty("paidTotal").GetString(), Roundtable.Web.Infrastructure.Money.Plain(f.SpentPence));
        Assert.Equal(api.GetProperty("projects").GetProperty("project1Submitted").GetInt32(), f.Projects[0].Submitted);
        Assert.Equal(api.GetProperty("tutorials").GetProperty("feedbackOverdue").GetInt32(), f.Feedback.Overdue);
    }

    [Fact]
    public async Task Page_ShowsChartsAndTables_TheCohortPickerChangesThem()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("team@test.example");

        var programme = await client.GetDocumentAsync("/Programme/Dashboard");
        var cohort = await client.GetDocumentAsync($"/Programme/Dashboard?cohort={w.Cohort.Id}");

        Assert.Contains("all cohorts", programme.QuerySelector("#dashboard-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("NPQH Summer", cohort.QuerySelector("#dashboard-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£360.00 of £750.00 spent", programme.QuerySelector("#spend-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£180.00 of £500.00 spent", cohort.QuerySelector("#spend-summary")!.TextContent, StringComparison.Ordinal);
        foreach (var id in new[] { "chart-community", "chart-attendance-month", "chart-attendance-group", "chart-tutorial-windows", "chart-feedback", "chart-spend", "chart-project1", "chart-project2", "chart-declarations" })
        {
            var svg = cohort.QuerySelector($"svg#{id}");
            Assert.True(svg is not null, $"{id} is missing");
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.NotNull(cohort.QuerySelector($"#{id}-title"));
            Assert.NotNull(cohort.QuerySelector($"table#{id["chart-".Length..]}-table caption"));
        }
        // The group's name is escaped in the chart and the table.
        Assert.Contains("Group <A> & co", cohort.QuerySelector("#chart-attendance-group")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Group <A> & co", cohort.QuerySelector("#attendance-group-table tbody th")!.TextContent);
        // The budget is a dashed marker on the spend chart.
        Assert.NotNull(cohort.QuerySelector("#chart-spend .rt-chart__marker"));
        Assert.Equal(["4", "2", "2", "2", "1", "0"], cohort.QuerySelectorAll("#project1-table tbody td").Select(c => c.TextContent).ToArray());
        Assert.Equal(["5", "3", "3", "3", "2", "0"], programme.QuerySelectorAll("#project1-table tbody td").Select(c => c.TextContent).ToArray());
        Assert.Equal($"/Programme/Budget?cohort={w.Cohort.Id}", cohort.QuerySelector("#set-budget")!.GetAttribute("href"));
        Assert.Null(programme.QuerySelector("#set-budget"));
    }

    [Fact]
    public async Task Page_AtRisk_ShowsTheFirstTenPerReason_TheCountAndALinkToTheFullList()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Summer");
        // Tutorial 1's window (from 23 July) has closed and none of the twelve has booked it.
        var late = new List<AppUser>();
        for (var i = 12; i >= 1; i--)
        {
            late.Add(await Data.DelegateAsync(cohort, $"late{i:00}@test.example", name: $"Late Delegate {i:00}"));
        }
        var other = await Data.CohortAsync("NPQSL Spring", programmeCode: "NPQSL");
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Dashboard");

        Assert.StartsWith("12 delegates are at risk", page.QuerySelector("#at-risk-total")!.TextContent.Trim(), StringComparison.Ordinal);
        var reason = page.QuerySelector($"[data-at-risk-reason={AtRiskReasons.TutorialWindowClosed.Code}]")!;
        Assert.Equal($"{AtRiskReasons.TutorialWindowClosed.Text}: 12", reason.QuerySelector("h3")!.TextContent.Trim());
        var links = reason.QuerySelectorAll("li a").ToList();
        Assert.Equal(Enumerable.Range(1, DashboardModelFirst).Select(i => $"Late Delegate {i:00}"), links.Select(a => a.TextContent.Trim()));
        Assert.Equal($"/Programme/Projects/Delegate/{await Data.ParticipantIdAsync(late[^1])}", links[0].GetAttribute("href"));
        // The chart's table has every reason's count; reasons with nobody have no list.
        var rows = page.QuerySelectorAll("#at-risk-table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim())).ToList();
        Assert.Equal(AtRiskReasons.All.Select(r => (r.Text, r == AtRiskReasons.TutorialWindowClosed ? "12" : "0")), rows);
        Assert.Single(page.QuerySelectorAll("[data-at-risk-reason]"));

        // The link opens the full list with the same scope and reason: all twelve.
        var href = reason.QuerySelector("a[data-reason-link]")!.GetAttribute("href")!;
        Assert.Equal($"/Programme/AtRisk?reason={AtRiskReasons.TutorialWindowClosed.Code}&programme={cohort.ProgrammeId}", href);
        Assert.Contains("All 12 delegates", reason.QuerySelector("a[data-reason-link]")!.TextContent, StringComparison.Ordinal);
        var list = await client.GetDocumentAsync(href);
        Assert.Equal("12 delegates at risk match", list.QuerySelector("#list-count")!.TextContent.Trim());
        Assert.Equal(12, list.QuerySelectorAll("#at-risk tbody tr").Length);
        var none = await client.GetDocumentAsync($"/Programme/AtRisk?programme={other.ProgrammeId}");
        Assert.Equal("0 delegates at risk match", none.QuerySelector("#list-count")!.TextContent.Trim());

        // A cohort's dashboard links to that cohort's list.
        var cohortPage = await client.GetDocumentAsync($"/Programme/Dashboard?cohort={cohort.Id}");
        Assert.Equal($"/Programme/AtRisk?reason={AtRiskReasons.TutorialWindowClosed.Code}&cohort={cohort.Id}",
            cohortPage.QuerySelector($"[data-at-risk-reason={AtRiskReasons.TutorialWindowClosed.Code}] a[data-reason-link]")!.GetAttribute("href"));
    }

    private const int DashboardModelFirst = Roundtable.Web.Pages.Programme.DashboardModel.FirstAtRisk;

    [Fact]
    public async Task Page_AttendanceByGroup_ShowsTheLowestAndLinksToEveryGroupPaged()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Dashboard");
        var all = page.QuerySelector("#attendance-groups-all")!;
        Assert.Contains("all 2 groups", all.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#attendance-group-table tbody tr").Length);

        var list = await client.GetDocumentAsync(all.GetAttribute("href")!);
        Assert.Equal("2 groups match", list.QuerySelector("#list-count")!.TextContent.Trim());
        // Lowest first: the group at 3 of 6 (50%), then the other cohort's at 1 of 1.
        Assert.Equal(["Group <A> & co", "Other group"], list.QuerySelectorAll("#attendance-groups tbody th").Select(c => c.TextContent.Trim()));
        Assert.Equal(["3", "6", "50%"], list.QuerySelectorAll("#attendance-groups tbody tr:first-child td").Select(c => c.TextContent.Trim()));
        var cohort = await client.GetDocumentAsync($"/Programme/DashboardGroups?cohort={w.Other.Id}");
        Assert.Equal(["Other group"], cohort.QuerySelectorAll("#attendance-groups tbody th").Select(c => c.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Programme/DashboardGroups?cohort=999")).StatusCode);
    }

    [Fact]
    public async Task Page_UnknownCohort_Returns404()
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Programme/Dashboard?cohort=999")).StatusCode);
    }

    [Fact]
    public async Task Budget_SetsTheBudget_Audited()
    {
        var w = await WorldAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.PostFormAsync($"/Programme/Budget?cohort={w.Cohort.Id}", new() { ["Amount"] = "£1,250.50" }, "#budget-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1_250_50, await App.WithDbAsync(db => db.CohortBudgets.Where(b => b.CohortId == w.Cohort.Id).Select(b => b.AmountPence).SingleAsync()));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "Budget" && e.SubjectId == w.Cohort.Id).ToListAsync());
        var entry = Assert.Single(audit, e => e.Action == "Cohort budget changed");
        Assert.Contains("\"before\":\"500.00\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"after\":\"1250.50\"", entry.Changes, StringComparison.Ordinal);
        Assert.NotNull(entry.UserId);
    }

    [Theory]
    [InlineData("", "Enter the budget in pounds")]
    [InlineData("lots", "Enter the budget in pounds, like 25000 or 25,000.00")]
    [InlineData("12.345", "Enter the budget in pounds, like 25000 or 25,000.00")]
    [InlineData("-5", "The budget must be £0 or more")]
    [InlineData("99999999999", "Enter the budget in pounds, like 25000 or 25,000.00")]
    public async Task Budget_Invalid_ShowsTheErrorAndSavesNothing(string amount, string message)
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.PostFormAsync($"/Programme/Budget?cohort={cohort.Id}", new() { ["Amount"] = amount }, "#budget-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector("#Amount-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.CohortBudgets.AnyAsync()));
    }

    [Fact]
    public async Task Budget_Zero_IsAllowed()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.PostFormAsync($"/Programme/Budget?cohort={cohort.Id}", new() { ["Amount"] = "0" }, "#budget-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.CohortBudgets.Select(b => b.AmountPence).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task DashboardAndBudget_OtherRoles_AreRefused(string role)
    {
        var cohort = await Data.CohortAsync();
        await Data.UserAsync("someone@test.example", roles: [role]);
        var client = await SignedInAsync("someone@test.example");

        foreach (var path in new[] { "/Programme/Dashboard", $"/Programme/Dashboard?cohort={cohort.Id}", $"/Programme/Budget?cohort={cohort.Id}" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        var post = await client.PostAsync($"/Programme/Budget?cohort={cohort.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Amount"] = "10" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.CohortBudgets.AnyAsync()));
    }
}
