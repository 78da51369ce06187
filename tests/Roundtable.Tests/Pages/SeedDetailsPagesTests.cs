using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// The details of seed 003: Project 1 new or existing and whole-school; Project 2's area (the
// delegate's experience, one the school wants to improve, the delegate leading the action plan);
// the Masters variant of the submission form, stored and shown to assessors.
public class SeedDetailsPagesTests(AppFactory app) : AppTest(app)
{
    private async Task<(HttpClient Client, AppUser Me)> DelegateAsync()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example", name: "Dee Delegate");
        return (await SignedInAsync("me@test.example"), me);
    }

    private static string Requirement(AngleSharp.Dom.IDocument page, string key) => page.Text($"[data-requirement='{key}']");

    [Fact]
    public async Task Project1_NewOrExistingAndWholeSchool_AreRecordedAndCheckedInThePanel()
    {
        var (client, _) = await DelegateAsync();
        var before = await client.GetDocumentAsync("/Projects/Project1");
        Assert.Contains("Not met", Requirement(before, "new-or-existing"), StringComparison.Ordinal);
        Assert.Contains("Not met", Requirement(before, "whole-school"), StringComparison.Ordinal);

        var wrong = await Html.ParseAsync(await client.PostFormAsync("/Projects/Project1", new() { ["Input.Origin"] = "Borrowed" }));
        var saved = await client.PostFormAsync("/Projects/Project1", new() { ["Input.Origin"] = "Existing", ["Input.WholeSchool"] = "true" });

        Assert.Contains("Choose whether this is a new project or an existing one", wrong.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync("/Projects/Project1");
        Assert.NotNull(page.QuerySelector("#Input_Origin-existing[checked]"));
        Assert.NotNull(page.QuerySelector("#Input_WholeSchool[checked]"));
        Assert.StartsWith("Recorded whether it is a new project or an existing one you already lead Met", Requirement(page, "new-or-existing"), StringComparison.Ordinal);
        Assert.Contains("Met", Requirement(page, "whole-school"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not met", Requirement(page, "whole-school"), StringComparison.Ordinal);
        Assert.Equal((ProjectOrigin.Existing, true), await App.WithDbAsync(async db => await db.Project1s.Select(p => new ValueTuple<ProjectOrigin?, bool>(p.Origin, p.WholeSchool)).SingleAsync()));
    }

    [Fact]
    public async Task Project2_AreaExperienceAreaToImproveAndLeadingStaff_AreRecordedAndChecked()
    {
        var (client, _) = await DelegateAsync();

        var saved = await client.PostFormAsync("/Projects/Project2", new()
        {
            ["Input.AreaExperience"] = "Five years as maths lead", ["Input.AreaToImprove"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync("/Projects/Project2");
        Assert.Equal("Five years as maths lead", page.QuerySelector("#Input_AreaExperience")!.TextContent);
        Assert.DoesNotContain("Not met", Requirement(page, "area-experience"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not met", Requirement(page, "area-to-improve"), StringComparison.Ordinal);
        Assert.Contains("Not met", Requirement(page, "leads-action-plan"), StringComparison.Ordinal);
        Assert.Contains("Confirm that you lead the placement school’s staff in designing the action plan", Requirement(page, "leads-action-plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_MastersForm_IsStored_AndShownToTheAssessorAndTheTeam()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project1Async(me);
        await Data.DocumentAsync(me, 1, (await Data.CriterionAsync(1, "1.1")).Id);
        var page = await client.GetDocumentAsync("/Projects/Submission/1");
        Assert.NotNull(page.QuerySelector("#Form-standard[checked]"));

        var wrong = await Html.ParseAsync(await client.SendFormAsync(page, "#account-form", new Dictionary<string, string> { ["Form"] = "Doctoral" }, page.ButtonAction("Save draft")));
        var response = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>
        {
            ["Form"] = "Masters", ["Sections[0]"] = "Design.", ["Sections[1]"] = "Implementation.", ["Sections[2]"] = "Evaluation.",
        }, page.ButtonAction("Submit for assessment"));

        Assert.Contains("Choose the standard submission form or the Masters one", wrong.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await App.WithDbAsync(db => db.Submissions.SingleAsync());
        Assert.Equal((SubmissionStatus.Submitted, SubmissionForm.Masters), (stored.Status, stored.Form));
        var assessor = await Data.AssessorAsync();
        await App.WithDbAsync(db => db.Submissions.ExecuteUpdateAsync(u => u.SetProperty(s => s.AssessorId, assessor.Id).SetProperty(s => s.AssignedAt, App.Clock.GetUtcNow().UtcDateTime)));
        var assessorPage = await (await SignedInAsync("assessor@test.example")).GetDocumentAsync($"/Assessor/Submission/{stored.Id}");
        Assert.Contains("NPQH Final Assessment Submission Form – Masters", assessorPage.Text("#submission-form"), StringComparison.Ordinal);
        await Data.ProgrammeTeamAsync();
        var teamPage = await (await SignedInAsync("team@test.example")).GetDocumentAsync($"/Programme/Projects/Submission/{stored.Id}");
        Assert.Equal("Masters", teamPage.Text("#submission-form"));
    }
}
