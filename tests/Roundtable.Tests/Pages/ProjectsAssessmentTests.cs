using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// Submitted → assigned → assessed → released → seen by the delegate → resubmitted.
public class ProjectsAssessmentTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task FullCycle_AssessReleaseSeeOutcomeAndResubmit()
    {
        await Data.ProgrammeTeamAsync();
        await Data.AssessorAsync();
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example", name: "Dana Delegate");
        await Data.Project1Async(author);
        var c1 = await Data.CriterionAsync(1, "1.1", "Sets a SMART target");
        var c2 = await Data.CriterionAsync(1, "1.2", "Governors shaped the plan");
        var submission = await Data.SubmissionAsync(author, 1, SubmissionStatus.Submitted);
        var team = await SignedInAsync("team@test.example");
        var assessor = await SignedInAsync("assessor@test.example");
        var delegateClient = await SignedInAsync("d@test.example");

        // The team assigns it.
        var list = await team.GetDocumentAsync("/Programme/Projects/Submissions");
        Assert.Contains("Dana Delegate", list.Text("#submissions"), StringComparison.Ordinal);
        var assessorId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "assessor@test.example").Select(u => u.Id).SingleAsync());
        var assign = await team.PostFormAsync($"/Programme/Projects/Submission/{submission.Id}", new() { ["AssessorId"] = assessorId }, "#assign-form");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        // The assessor sees the account beside the criteria; an incomplete assessment is explained.
        var page = await assessor.GetDocumentAsync($"/Assessor/Submission/{submission.Id}");
        Assert.Contains("Design of the change.", page.Text("#account"), StringComparison.Ordinal);
        Assert.Contains("1.1 Sets a SMART target", page.Text("#criteria"), StringComparison.Ordinal);
        var incomplete = await assessor.SendFormAsync(page, "#assessment-form", new Dictionary<string, string>
        {
            ["Judgements[0].Met"] = "true", ["Judgements[0].Comment"] = "Clear target", ["Outcome"] = "Passed",
        });
        var incompletePage = await Html.ParseAsync(incomplete);
        Assert.Equal(["Choose met or not met for criterion 1.2", "Enter a comment on criterion 1.2", "Enter an overall comment for the delegate"], Html.Errors(incompletePage));
        Assert.Equal("Clear target", incompletePage.QuerySelector("#assessment-000-2")!.TextContent);
        Assert.Equal(["#assessment-001-1", "#assessment-001-2", "#assessment-002-2"],
            incompletePage.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.All(["assessment-001-1", "assessment-001-2", "assessment-002-2"], id => Assert.NotNull(incompletePage.GetElementById(id)));

        // Save and finish later keeps partial judgements.
        var later = await assessor.SendFormAsync(page, "#assessment-form", new Dictionary<string, string>
        {
            ["Judgements[0].Met"] = "true", ["Judgements[0].Comment"] = "Clear target",
        }, page.ButtonAction("Save and finish later"));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(SubmissionStatus.Assigned, await StatusAsync(submission.Id));

        // A pass with a criterion not met is refused; then completed as not passed.
        page = await assessor.GetDocumentAsync($"/Assessor/Submission/{submission.Id}");
        var judged = new Dictionary<string, string>
        {
            ["Judgements[1].Met"] = "false", ["Judgements[1].Comment"] = "Feedback not shown",
            ["Outcome"] = "Passed", ["OutcomeComment"] = "Show how governors shaped the plan.",
        };
        var inconsistent = await assessor.SendFormAsync(page, "#assessment-form", judged);
        Assert.Equal(["A project can pass only when every criterion is met"], Html.Errors(await Html.ParseAsync(inconsistent)));
        judged["Outcome"] = "NotPassed";
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.SendFormAsync(page, "#assessment-form", judged)).StatusCode);
        Assert.Equal(SubmissionStatus.Assessed, await StatusAsync(submission.Id));
        Assert.Equal(2, await App.WithDbAsync(db => db.CriterionJudgements.CountAsync()));

        // Before release the delegate is told only that it is being assessed.
        var waiting = await delegateClient.GetDocumentAsync("/Projects/Submission/1");
        Assert.Equal("Being assessed", waiting.QuerySelector("#submission-status")!.TextContent.Trim());
        Assert.DoesNotContain("Feedback not shown", waiting.Text(), StringComparison.Ordinal);

        // The team releases after confirming.
        var confirm = await team.GetDocumentAsync($"/Programme/Projects/Submission/{submission.Id}?release=true");
        Assert.Contains("Release the outcome (Not passed) to Dana Delegate?", confirm.Text(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Assessed, await StatusAsync(submission.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await team.SubmitAsync(confirm, [])).StatusCode);
        Assert.Equal(SubmissionStatus.Released, await StatusAsync(submission.Id));
        var again = await team.SubmitAsync(confirm, []);
        Assert.Contains("This outcome has already been released.", Html.Errors(await Html.ParseAsync(again)));

        // The delegate sees the outcome and every judgement, and resubmits.
        var outcome = await delegateClient.GetDocumentAsync("/Projects/Submission/1");
        Assert.Contains("Project 1 has not passed yet.", outcome.Text("#outcome"), StringComparison.Ordinal);
        Assert.Contains("Show how governors shaped the plan.", outcome.Text("#outcome"), StringComparison.Ordinal);
        Assert.Contains("1.2 Governors shaped the plan Not met Feedback not shown", outcome.Text("#judgements"), StringComparison.Ordinal);
        Assert.Equal("Outcome: Not passed", (await delegateClient.GetDocumentAsync("/Projects")).QuerySelector("#status-1")!.TextContent.Trim());
        var resubmit = await delegateClient.SubmitAsync(outcome, [], "form[action*='Resubmit']");
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);

        // The resubmission's evidence, mapped to both criteria (a requirement of submitting).
        await Data.DocumentAsync(author, 1, c1.Id, c2.Id);
        var draft = await delegateClient.GetDocumentAsync("/Projects/Submission/1");
        Assert.Contains("This is your resubmission (version 2).", draft.Text(), StringComparison.Ordinal);
        Assert.Equal("Design of the change.", draft.QuerySelector("#Sections_0_")!.TextContent);
        Assert.Contains("Version 1: submitted", draft.Text("#earlier-versions"), StringComparison.Ordinal);
        Assert.Contains("Project 1 has not passed yet.", draft.Text("#outcome"), StringComparison.Ordinal);
        var submitted = await delegateClient.SendFormAsync(draft, "#account-form", new Dictionary<string, string>
        {
            ["Sections[0]"] = "Design, with the governors' feedback and what changed because of it.",
        }, draft.ButtonAction("Submit for assessment"));
        Assert.Empty(submitted.StatusCode == HttpStatusCode.OK ? Html.Errors(await Html.ParseAsync(submitted)) : []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var versions = await App.WithDbAsync(db => db.Submissions.OrderBy(s => s.Version).Select(s => new { s.Version, s.Status }).ToListAsync());
        Assert.Equal([(1, SubmissionStatus.Released), (2, SubmissionStatus.Submitted)], versions.Select(v => (v.Version, v.Status)));
        _ = c2;
    }

    [Fact]
    public async Task Assessor_CannotChangeAReleasedAssessment()
    {
        var assessorUser = await Data.AssessorAsync();
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example");
        await Data.CriterionAsync(2, "2.1");
        var submission = await Data.SubmissionAsync(author, 2, SubmissionStatus.Released, assessorUser);
        var client = await SignedInAsync("assessor@test.example");

        var page = await client.GetDocumentAsync($"/Assessor/Submission/{submission.Id}");
        var token = Html.Token(page);
        var response = await client.PostAsync($"/Assessor/Submission/{submission.Id}?handler=Complete",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Outcome", "Passed")]));

        Assert.Null(page.QuerySelector("#assessment-form button"));
        Assert.Contains("The outcome has been released, so the assessment can no longer be changed.", Html.Errors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task Team_CannotReassignAnAssessedSubmission()
    {
        await Data.ProgrammeTeamAsync();
        var first = await Data.AssessorAsync();
        var second = await Data.AssessorAsync("second@test.example");
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example");
        var submission = await Data.SubmissionAsync(author, 1, SubmissionStatus.Assessed, first);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync($"/Programme/Projects/Submission/{submission.Id}");
        var token = Html.Token(page);
        var response = await client.PostAsync($"/Programme/Projects/Submission/{submission.Id}?handler=Assign",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("AssessorId", second.Id)]));

        Assert.Null(page.QuerySelector("#assign-form"));
        Assert.Contains("This submission has been assessed: it can no longer be given to another assessor.", Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(first.Id, await App.WithDbAsync(db => db.Submissions.Select(s => s.AssessorId).SingleAsync()));
    }

    private Task<SubmissionStatus> StatusAsync(int id) => App.WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());
}
