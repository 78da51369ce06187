using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// The delegate's home: what to do next, read in few round trips, with the term dates cached.
public class DelegateHomeTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task DelegateHome_ShowsTheNextSession_ItsChairAndCard_TheMenu_AndBothProjects()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var next = await App.SessionAsync(group, TimeSpan.FromDays(7));
        await App.SessionAsync(group, TimeSpan.FromDays(35));
        var client = await SignedInAsync("m1@test.example");

        var page = await client.GetDocumentAsync("/Delegate");

        var session = page.Text("#next-session");
        Assert.Contains("30 November 2026", session, StringComparison.Ordinal);
        Assert.Contains("(Group A)", session, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#next-session a[href='/Communities/Session/{next.Id}']"));
        // The first open session's chair is the rotation's next: one of the group, never unknown.
        var chair = page.QuerySelector("#next-session .govuk-summary-list__row:nth-child(2) dd")!.TextContent.Trim();
        Assert.Contains(chair, members.Select(m => m.FullName).Append("You"));
        Assert.Contains("Prepare your problem card", session, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#project-steps li").Length);
        Assert.Contains("Project 1", page.Text("#project-steps"), StringComparison.Ordinal);
        var menu = page.Text("nav[aria-label='Menu']");
        Assert.Contains("My projects", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("My case studies", menu, StringComparison.Ordinal);
        Assert.Contains("Your cohort: NPQH Test", page.Text(), StringComparison.Ordinal);

        await App.WithDbAsync(async db =>
        {
            db.ProblemCards.Add(new ProblemCard
            {
                SessionId = next.Id, OwnerId = members[0].Id, Problem = "Reading", Evidence = "Scores", Context = "Year 6", Why = "Matters",
                FrameworkArea = "Curriculum", UpdatedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Ready", (await client.GetDocumentAsync("/Delegate")).Text("#next-session"), StringComparison.Ordinal);
    }

    // The term dates are cached for a minute: the team's edit on this server shows at once; a change
    // this server did not make (another server's) shows when the copy runs out.
    [Fact]
    public async Task DelegateHome_TermDateEdited_TheNextViewShowsIt()
    {
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        await team.GetDocumentAsync("/Programme/Projects/Terms");
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        await Data.Project1Async(me);
        // Ends after the calendar: the two-term check names the calendar's last day.
        await App.WithDbAsync(db => db.Project1s.ExecuteUpdateAsync(u => u.SetProperty(p => p.PlannedEnd, new DateOnly(2030, 7, 31))));
        var client = await SignedInAsync("me@test.example");
        async Task<string> ProjectSteps() => (await client.GetDocumentAsync("/Delegate")).Text("#project-steps");
        Assert.Contains("the term calendar runs from 3 September 2024 to 19 July 2030", await ProjectSteps(), StringComparison.Ordinal);

        var summer = await App.WithDbAsync(db => db.SchoolTerms.SingleAsync(t => t.Name == "Summer 2030"));
        var edited = await team.PostFormAsync($"/Programme/Projects/Term/{summer.Id}", new()
        {
            ["Input.AcademicYear"] = "2029/30", ["Input.Name"] = "Summer 2030",
            ["Input.Start.Day"] = "29", ["Input.Start.Month"] = "4", ["Input.Start.Year"] = "2030",
            ["Input.End.Day"] = "24", ["Input.End.Month"] = "7", ["Input.End.Year"] = "2030",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        Assert.Contains("the term calendar runs from 3 September 2024 to 24 July 2030", await ProjectSteps(), StringComparison.Ordinal);

        await App.WithDbAsync(db => db.SchoolTerms.Where(t => t.Id == summer.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.End, new DateOnly(2030, 7, 26))));
        Assert.Contains("to 24 July 2030", await ProjectSteps(), StringComparison.Ordinal);
        App.Clock.Advance(ReferenceDataCache.Lifetime);
        Assert.Contains("to 26 July 2030", await ProjectSteps(), StringComparison.Ordinal);
    }
}
