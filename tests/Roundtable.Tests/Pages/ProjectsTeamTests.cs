using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// What the programme team keeps: overrides, criteria, term dates, bank holidays, exemplars, progress.
public class ProjectsTeamTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    [Fact]
    public async Task Override_MeetsTheRequirementWithAReasonThatStaysOnRecord()
    {
        var team = await TeamAsync();
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example", name: "Dee Delegate");
        await Data.Project2Async(someone, TestData.NinePlacementDays.Take(7));
        var participantId = await Data.ParticipantIdAsync(someone);
        var url = $"/Programme/Projects/Delegate/{participantId}";

        var noReason = await team.PostFormAsync(url, new() { ["Override.Requirement"] = "2:placement-days" }, "#override-form");
        Assert.Equal(["Enter the reason for the override"], Html.Errors(await Html.ParseAsync(noReason)));
        var saved = await team.PostFormAsync(url, new()
        {
            ["Override.Requirement"] = "2:placement-days", ["Override.Reason"] = "The placement school closed for a fortnight after a flood.",
        }, "#override-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var twice = await team.PostFormAsync(url, new() { ["Override.Requirement"] = "2:placement-days", ["Override.Reason"] = "Again" }, "#override-form");
        Assert.Equal(["This requirement is already overridden for this delegate"], Html.Errors(await Html.ParseAsync(twice)));

        // The delegate sees it met, with the reason; so does the API.
        var delegateClient = await SignedInAsync("d@test.example");
        var panel = (await delegateClient.GetDocumentAsync("/Projects/Placement")).Text("[data-requirement='placement-days']");
        Assert.Contains("Met (override) Overridden by the programme team: The placement school closed for a fortnight after a flood.", panel, StringComparison.Ordinal);
        var api = await delegateClient.GetFromJsonAsync<JsonElement>("/api/v1/projects/2/requirements");
        Assert.True(api[0].GetProperty("met").GetBoolean());
        var project1 = await delegateClient.GetFromJsonAsync<JsonElement>("/api/v1/projects/1/requirements");
        Assert.All(project1.EnumerateArray(), r => Assert.False(r.GetProperty("met").GetBoolean()));

        // Withdrawing needs confirmation, and the reason stays on record.
        var overrideId = await App.WithDbAsync(db => db.RequirementOverrides.Select(o => o.Id).SingleAsync());
        var confirm = await team.GetDocumentAsync($"{url}?withdraw={overrideId}");
        Assert.Contains("Withdraw the override of “Placement of at least 9 working days” for Project 2?", confirm.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SubmitAsync(confirm, [])).StatusCode);
        var page = await team.GetDocumentAsync(url);
        Assert.Contains("The placement school closed for a fortnight after a flood.", page.Text("#withdrawn-overrides"), StringComparison.Ordinal);
        Assert.Contains("withdrawn by Pat Team", page.Text("#withdrawn-overrides"), StringComparison.Ordinal);
        Assert.Contains("Not met", page.Text("[data-requirement='placement-days']"), StringComparison.Ordinal);
        var row = await App.WithDbAsync(db => db.RequirementOverrides.SingleAsync());
        Assert.Equal(("Pat Team", "Pat Team"), (row.CreatedByName, row.WithdrawnByName));
    }

    [Fact]
    public async Task BankHolidays_ValidUploadReplacesTheList()
    {
        var team = await TeamAsync();
        var json = """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
              {"title": "Extra bank holiday", "date": "2027-01-05", "notes": "", "bunting": true}
            ]}, "scotland": {"division": "scotland", "events": []}}
            """;
        var page = await team.GetDocumentAsync("/Programme/Projects/BankHolidays");
        Assert.Contains("The list shipped with Roundtable", page.Text("#holiday-source"), StringComparison.Ordinal);

        var response = await team.SendFormAsync(page, "main form", file: new UploadFile("Upload", "bank-holidays.json", Encoding.UTF8.GetBytes(json), "application/json"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await team.GetDocumentAsync("/Programme/Projects/BankHolidays");
        Assert.Contains("now comes from bank-holidays.json: 2 bank holidays from 2027 to 2027", after.Text(), StringComparison.Ordinal);
        Assert.Contains("bank-holidays.json, uploaded by Pat Team", after.Text("#holiday-source"), StringComparison.Ordinal);
        var days = await team.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-01-04&to=2027-01-08");
        Assert.Equal(4, days.GetProperty("workingDays").GetInt32());
        Assert.Equal("Extra bank holiday", days.GetProperty("excluded")[0].GetProperty("reason").GetString());
        // Christmas 2026 is no longer in the list in use.
        var christmas = await team.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2026-12-25&to=2026-12-25");
        Assert.Equal(1, christmas.GetProperty("workingDays").GetInt32());

        var revert = await team.GetDocumentAsync("/Programme/Projects/BankHolidays?revert=true");
        await team.SubmitAsync(revert, []);
        christmas = await team.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2026-12-25&to=2026-12-25");
        Assert.Equal(0, christmas.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task BankHolidays_InvalidUpload_ListsEveryErrorAndKeepsTheList()
    {
        var team = await TeamAsync();
        var json = """
            {"england-and-wales": {"events": [
              {"title": "Good day", "date": "2027-02-30"},
              {"date": "2027-03-01"},
              {"title": "Fine", "date": "2027-03-02"},
              {"title": "Twice", "date": "2027-03-02"}
            ]}}
            """;
        var page = await team.GetDocumentAsync("/Programme/Projects/BankHolidays");

        var bad = await team.SendFormAsync(page, "main form", file: new UploadFile("Upload", "holidays.json", Encoding.UTF8.GetBytes(json)));
        var notJson = await team.SendFormAsync(page, "main form", file: new UploadFile("Upload", "holidays.json", "{ nope"u8.ToArray()));
        var wrongType = await team.SendFormAsync(page, "main form", file: new UploadFile("Upload", "holidays.csv", "a,b"u8.ToArray()));
        var none = await team.SendFormAsync(page, "main form");

        Assert.Equal(
        [
            "Event 1 (Good day) has date \"2027-02-30\", which is not a real date in the form YYYY-MM-DD.",
            "Event 2 has no title.",
            "Event 4 (Twice) is on 2027-03-02, which is already listed as Fine.",
        ], Html.Errors(await Html.ParseAsync(bad)));
        Assert.Equal(["The bank holiday file is not valid JSON (line 1, position 3)."], Html.Errors(await Html.ParseAsync(notJson)));
        Assert.Equal(["The selected file must be a JSON file, like bank-holidays.json from GOV.UK"], Html.Errors(await Html.ParseAsync(wrongType)));
        Assert.Equal(["Select a bank holiday file"], Html.Errors(await Html.ParseAsync(none)));
        Assert.False(await App.WithDbAsync(db => db.BankHolidayFiles.AnyAsync()));
        var christmas = await team.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2026-12-25&to=2026-12-25");
        Assert.Equal(0, christmas.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task Criteria_AddDuplicateAndDelete_OnlyWhenUnused()
    {
        var team = await TeamAsync();

        var added = await team.PostFormAsync("/Programme/Projects/Criterion", new() { ["Input.Project"] = "1", ["Input.Code"] = "1.1", ["Input.Text"] = "Sets a target" });
        var duplicate = await team.PostFormAsync("/Programme/Projects/Criterion", new() { ["Input.Project"] = "1", ["Input.Code"] = "1.1", ["Input.Text"] = "Again" });
        var otherProject = await team.PostFormAsync("/Programme/Projects/Criterion", new() { ["Input.Project"] = "2", ["Input.Code"] = "1.1", ["Input.Text"] = "Same code, other project" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Project 1 already has a criterion 1.1"], Html.Errors(await Html.ParseAsync(duplicate)));
        Assert.Equal(HttpStatusCode.Redirect, otherProject.StatusCode);
        var list = await team.GetDocumentAsync("/Programme/Projects/Criteria");
        Assert.Contains("1.1 Sets a target", list.Text("#criteria-1"), StringComparison.Ordinal);

        var criterion = await App.WithDbAsync(db => db.AssessmentCriteria.SingleAsync(c => c.Project == 1));
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example");
        var submission = await Data.SubmissionAsync(author, 1, SubmissionStatus.Assessed);
        await App.WithDbAsync(async db =>
        {
            db.CriterionJudgements.Add(new CriterionJudgement { SubmissionId = submission.Id, CriterionId = criterion.Id, Met = true, Comment = "ok" });
            await db.SaveChangesAsync();
        });
        var used = await team.GetDocumentAsync($"/Programme/Projects/Criterion/{criterion.Id}");
        Assert.Contains("Used by 1 judgement or document, so it cannot be deleted.", used.Text(), StringComparison.Ordinal);
        var token = Html.Token(used);
        var refused = await team.PostAsync($"/Programme/Projects/Criterion/{criterion.Id}?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains(Html.Errors(await Html.ParseAsync(refused)), e => e.StartsWith("Criterion 1.1 cannot be deleted", StringComparison.Ordinal));

        var unused = await App.WithDbAsync(db => db.AssessmentCriteria.SingleAsync(c => c.Project == 2));
        var confirm = await team.GetDocumentAsync($"/Programme/Projects/Criterion/{unused.Id}?delete=true");
        Assert.Contains("Delete criterion 1.1 from Project 2?", confirm.Text(), StringComparison.Ordinal);
        await team.SubmitAsync(confirm, []);
        Assert.Equal(1, await App.WithDbAsync(db => db.AssessmentCriteria.CountAsync()));
    }

    [Fact]
    public async Task Terms_DefaultsAreStoredOnFirstVisit_AndOverlapsAreRefused()
    {
        var team = await TeamAsync();

        var page = await team.GetDocumentAsync("/Programme/Projects/Terms");

        Assert.Equal(SchoolTerms.EnglishDefaults.Count, await App.WithDbAsync(db => db.SchoolTerms.CountAsync()));
        Assert.Contains("Autumn 2026 3 September 2026 18 December 2026", page.Text("[data-academic-year='2026/27']"), StringComparison.Ordinal);
        var overlap = await team.PostFormAsync("/Programme/Projects/Term", new()
        {
            ["Input.AcademicYear"] = "2026/27", ["Input.Name"] = "Extra term",
            ["Input.Start.Day"] = "1", ["Input.Start.Month"] = "12", ["Input.Start.Year"] = "2026",
            ["Input.End.Day"] = "10", ["Input.End.Month"] = "1", ["Input.End.Year"] = "2027",
        });
        Assert.Contains(Html.Errors(await Html.ParseAsync(overlap)), e => e.Contains("starts before", StringComparison.Ordinal));
        var badYear = await team.PostFormAsync("/Programme/Projects/Term", new() { ["Input.AcademicYear"] = "2030-31", ["Input.Name"] = "Autumn 2030" });
        Assert.Equal(["Enter the academic year like 2027/28", "Enter the first day of term", "Enter the last day of term"], Html.Errors(await Html.ParseAsync(badYear)).Order());
        var added = await team.PostFormAsync("/Programme/Projects/Term", new()
        {
            ["Input.AcademicYear"] = "2030/31", ["Input.Name"] = "Autumn 2030",
            ["Input.Start.Day"] = "2", ["Input.Start.Month"] = "9", ["Input.Start.Year"] = "2030",
            ["Input.End.Day"] = "19", ["Input.End.Month"] = "12", ["Input.End.Year"] = "2030",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Autumn 2030", (await team.GetDocumentAsync("/Programme/Projects/Terms")).Text("[data-academic-year='2030/31']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terms_TheTeamsDatesDecideTheTwoTermRule()
    {
        var team = await TeamAsync();
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example");
        await Data.Project1Async(someone);
        async Task<bool> TwoTermsMet() =>
            (await team.GetFromJsonAsync<JsonElement>($"/api/v1/projects/1/requirements?delegateId={someone.Id}")).EnumerateArray()
                .Single(r => r.GetProperty("requirement").GetString() == "Lasts at least two school terms").GetProperty("met").GetBoolean();
        Assert.True(await TwoTermsMet());

        // A calendar that has nothing after the spring term leaves the project's end unknown.
        await team.GetDocumentAsync("/Programme/Projects/Terms");
        await App.WithDbAsync(db => db.SchoolTerms.Where(t => t.Start > new DateOnly(2027, 3, 20)).ExecuteDeleteAsync());

        Assert.False(await TwoTermsMet());
    }

    [Fact]
    public async Task Exemplars_PublishValidateAndRemove()
    {
        var team = await TeamAsync();
        var page = await team.GetDocumentAsync("/Programme/Projects/Exemplars");

        var missing = await team.SendFormAsync(page, "#exemplar-form", [new("Input.Title", "Exemplar 1")]);
        var wrongType = await team.SendFormAsync(page, "#exemplar-form", [new("Input.Project", "1"), new("Input.Title", "Exemplar 1"), new("Input.Summary", "Primary")],
            file: new UploadFile("Upload", "run.sh", "echo"u8.ToArray()));
        var published = await team.SendFormAsync(page, "#exemplar-form",
            [new("Input.Project", "1"), new("Input.Title", "Exemplar 1"), new("Input.Summary", "Primary"), new("Input.Phase", "Primary")],
            file: new UploadFile("Upload", "exemplar.pdf", "%PDF"u8.ToArray(), "application/pdf"));

        Assert.Equal(["Choose the phase of the school the exemplar comes from", "Choose the project", "Enter a short description", "Select the exemplar's file"],
            Html.Errors(await Html.ParseAsync(missing)).Order(StringComparer.Ordinal));
        var wrongTypePage = await Html.ParseAsync(wrongType);
        Assert.Contains(Html.Errors(wrongTypePage), e => e.StartsWith("The selected file must be a PDF", StringComparison.Ordinal));
        Assert.Equal("Exemplar 1", wrongTypePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = await App.WithDbAsync(db => db.Exemplars.Select(e => e.Id).SingleAsync());
        Assert.Equal(Roundtable.Web.People.SchoolPhase.Primary, await App.WithDbAsync(db => db.Exemplars.Select(e => e.Phase).SingleAsync()));
        var confirm = await team.GetDocumentAsync($"/Programme/Projects/Exemplars?remove={id}");
        Assert.Contains("Remove Exemplar 1? Delegates will no longer be able to read it.", confirm.Text(), StringComparison.Ordinal);
        await team.SubmitAsync(confirm, []);
        Assert.Equal((0, 0), await App.WithDbAsync(async db => (await db.Exemplars.CountAsync(), await db.StoredFiles.CountAsync())));
    }

    [Fact]
    public async Task Progress_ShowsEveryNpqhDelegateOnBothProjects()
    {
        var team = await TeamAsync();
        var cohort = await Data.CohortAsync();
        var ready = await Data.DelegateAsync(cohort, "ready@test.example", name: "Rae Ready");
        await Data.Project1Async(ready);
        await Data.Project2Async(ready, TestData.NinePlacementDays.Take(5));
        await Data.SubmissionAsync(ready, 1, SubmissionStatus.Submitted);
        await Data.DelegateAsync(cohort, "new@test.example", name: "Ned New");
        var other = await Data.CohortAsync("NPQSL Test", "NPQSL");
        await Data.DelegateAsync(other, "sl@test.example", name: "Sal Senior");

        var page = await team.GetDocumentAsync("/Programme/Projects");

        var rows = page.QuerySelectorAll("#progress tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "Ned New | NPQH Test | 0 of 12 met | Not started | 0 days logged; 9 needed | 0 of 11 met | Not started",
            "Rae Ready | NPQH Test | 10 of 12 met | Submitted | 5 days logged; 9 needed | 7 of 11 met | Not started",
        ], rows);
        Assert.Contains("1|submission waiting for an assessor",
            page.QuerySelectorAll(".rt-stat").Select(s => $"{s.QuerySelector(".rt-stat__value")!.TextContent}|{s.QuerySelector(".rt-stat__label")!.TextContent}"));
    }
}
