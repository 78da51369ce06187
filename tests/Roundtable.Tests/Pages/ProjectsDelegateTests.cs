using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// A delegate keeps both projects: the panels follow every save.
public class ProjectsDelegateTests(AppFactory app) : AppTest(app)
{
    private async Task<(HttpClient Client, AppUser Me)> DelegateAsync()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example", name: "Dee Delegate");
        return (await SignedInAsync("me@test.example"), me);
    }

    private static string Requirement(IDocument page, string key) => page.Text($"[data-requirement='{key}']");

    [Fact]
    public async Task Project1_Save_UpdatesThePanel()
    {
        var (client, _) = await DelegateAsync();

        var response = await client.PostFormAsync("/Projects/Project1", new()
        {
            ["Input.Rationale"] = "Reading for all",
            ["Input.Start.Day"] = "7", ["Input.Start.Month"] = "9", ["Input.Start.Year"] = "2026",
            ["Input.PlannedEnd.Day"] = "30", ["Input.PlannedEnd.Month"] = "4", ["Input.PlannedEnd.Year"] = "2027",
            ["Input.BoardPresentedOn.Day"] = "21", ["Input.BoardPresentedOn.Month"] = "9", ["Input.BoardPresentedOn.Year"] = "2026",
            ["Input.BoardFeedback"] = "Governors agreed",
            ["Input.ImplementationStart.Day"] = "21", ["Input.ImplementationStart.Month"] = "9", ["Input.ImplementationStart.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Projects/Project1");
        Assert.Contains("Project 1 saved", page.Text(), StringComparison.Ordinal);
        Assert.Equal("Reading for all", page.QuerySelector("#Input_Rationale")!.TextContent);
        Assert.StartsWith("Lasts at least two school terms Met", Requirement(page, "two-terms"), StringComparison.Ordinal);
        var board = Requirement(page, "board-before-implementation");
        Assert.Contains("Not met", board, StringComparison.Ordinal);
        Assert.Contains("the day implementation began", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project1_BadDates_AreExplained_AndWhatWasTypedIsKept()
    {
        var (client, me) = await DelegateAsync();

        var response = await client.PostFormAsync("/Projects/Project1", new()
        {
            ["Input.Rationale"] = "Keep this text",
            ["Input.Start.Day"] = "31", ["Input.Start.Month"] = "2", ["Input.Start.Year"] = "2027",
            ["Input.PlannedEnd.Day"] = "1", ["Input.PlannedEnd.Month"] = "", ["Input.PlannedEnd.Year"] = "2027",
        });

        var page = await Html.ParseAsync(response);
        Assert.Equal(["The start date must be a real date, like 1 9 2026", "The planned end date must include a month"], Html.Errors(page));
        Assert.Equal("Keep this text", page.QuerySelector("#Input_Rationale")!.TextContent);
        Assert.False(await App.WithDbAsync(db => db.Project1s.AnyAsync()));
    }

    [Fact]
    public async Task Placement_BankHolidayIsLoggedButNotCounted_AndThePanelSaysSo()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project2Async(me, TestData.NinePlacementDays.Take(8));

        var response = await client.PostFormAsync("/Projects/Placement", new()
        {
            ["Day.Date.Day"] = "31", ["Day.Date.Month"] = "8", ["Day.Date.Year"] = "2026", ["Day.Activity"] = "Budget meeting",
        }, "#add-day");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Projects/Placement");
        Assert.Contains("Logged Monday 31 August 2026. It does not count as a placement day: Summer bank holiday.", page.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Contains("Does not count Summer bank holiday", page.Text("#placement-days"), StringComparison.Ordinal);
        var panel = Requirement(page, "placement-days");
        Assert.Contains("Not met", panel, StringComparison.Ordinal);
        Assert.Contains("8 working days logged; 9 needed. Not counted: Monday 31 August 2026 (Summer bank holiday).", panel, StringComparison.Ordinal);

        await client.PostFormAsync("/Projects/Placement", new()
        {
            ["Day.Date.Day"] = "16", ["Day.Date.Month"] = "10", ["Day.Date.Year"] = "2026", ["Day.Activity"] = "Governors' meeting",
        }, "#add-day");
        Assert.Contains("Met 9 working days logged", Requirement(await client.GetDocumentAsync("/Projects/Placement"), "placement-days"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placement_DuplicateFutureAndEmptyDays_AreRefusedWithTheTextKept()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project2Async(me, [new DateOnly(2026, 10, 5)]);

        var duplicate = await client.PostFormAsync("/Projects/Placement", new()
        {
            ["Day.Date.Day"] = "5", ["Day.Date.Month"] = "10", ["Day.Date.Year"] = "2026", ["Day.Activity"] = "Again",
        }, "#add-day");
        var future = await client.PostFormAsync("/Projects/Placement", new()
        {
            ["Day.Date.Day"] = "24", ["Day.Date.Month"] = "11", ["Day.Date.Year"] = "2026", ["Day.Activity"] = "Tomorrow's plan",
        }, "#add-day");
        var empty = await client.PostFormAsync("/Projects/Placement", new() { ["Day.Activity"] = "" }, "#add-day");

        Assert.Equal(["You have already logged Monday 5 October 2026"], Html.Errors(await Html.ParseAsync(duplicate)));
        var futurePage = await Html.ParseAsync(future);
        Assert.Equal(["The date of the placement day must be today or in the past"], Html.Errors(futurePage));
        Assert.Equal("Tomorrow's plan", futurePage.QuerySelector("#Day_Activity")!.TextContent);
        Assert.Equal(["Enter the date of the placement day", "Enter what you did that day"], Html.Errors(await Html.ParseAsync(empty)));
        Assert.Equal(1, await App.WithDbAsync(db => db.PlacementDays.CountAsync()));
    }

    [Fact]
    public async Task Placement_ClosureDay_StopsALoggedDayCounting_AndRemovingNeedsConfirmation()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project2Async(me);

        await client.PostFormAsync("/Projects/Placement", new()
        {
            ["Closure.Date.Day"] = "9", ["Closure.Date.Month"] = "10", ["Closure.Date.Year"] = "2026", ["Closure.Reason"] = "Staff training day",
        }, "#add-closure");
        var page = await client.GetDocumentAsync("/Projects/Placement");
        Assert.Contains("8 working days logged; 9 needed. Not counted: Friday 9 October 2026 (Placement school closed).", Requirement(page, "placement-days"), StringComparison.Ordinal);

        var closureId = await App.WithDbAsync(db => db.ClosureDays.Select(c => c.Id).SingleAsync());
        var confirm = await client.GetDocumentAsync($"/Projects/Placement?removeClosure={closureId}");
        Assert.Contains("Remove the closure day Friday 9 October 2026?", confirm.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.ClosureDays.CountAsync()));
        await client.SubmitAsync(confirm, []);

        Assert.Contains("Met 9 working days logged", Requirement(await client.GetDocumentAsync("/Projects/Placement"), "placement-days"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_LinesTotalPerYear_AndBadAmountsAreExplained()
    {
        var (client, _) = await DelegateAsync();

        async Task Add(string category, string year, string what, string amount) =>
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Projects/Budget", new()
            {
                ["Line.Category"] = category, ["Line.Year"] = year, ["Line.Description"] = what, ["Line.Amount"] = amount,
            }, "#add-line")).StatusCode);
        await Add("SupportStaff", "2027", "Reading specialist", "£14,500");
        await Add("TeachingStaff", "2027", "Mixed-age classes", "-31,000.50");
        await Add("CurriculumResources", "2028", "Books", "3200");
        var bad = await client.PostFormAsync("/Projects/Budget", new()
        {
            ["Line.Category"] = "Ict", ["Line.Year"] = "2027", ["Line.Description"] = "Laptops", ["Line.Amount"] = "12.345",
        }, "#add-line");

        var badPage = await Html.ParseAsync(bad);
        Assert.Equal(["Enter the amount in pounds, like 1,250 or 1250.50, with a minus sign for a saving"], Html.Errors(badPage));
        Assert.Equal("Laptops", badPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Line_Description")!.Value);
        var page = await client.GetDocumentAsync("/Projects/Budget");
        Assert.Equal("2027/28", page.QuerySelector("[data-budget-year='2027'] caption")!.TextContent.Trim());
        Assert.Equal("−£16,500.50", page.QuerySelector("[data-budget-year='2027'] [data-year-total]")!.TextContent.Trim());
        Assert.Equal("£3,200.00", page.QuerySelector("[data-budget-year='2028'] [data-year-total]")!.TextContent.Trim());
        Assert.Contains("Total across all years: −£13,300.50", page.Text(), StringComparison.Ordinal);
        Assert.Equal(-1_330_050, await App.WithDbAsync(db => db.BudgetLines.SumAsync(l => l.AmountPence)));
    }

    [Fact]
    public async Task Submit_WithUnmetRequirements_IsRefused_TextKeptAndSavedAsDraft()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project2Async(me, TestData.NinePlacementDays.Take(7));
        var page = await client.GetDocumentAsync("/Projects/Submission/2");

        var response = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>
        {
            ["Sections[0]"] = "My placement at a contrasting school.", ["Sections[1]"] = "", ["Sections[2]"] = "What I learned.",
        }, page.ButtonAction("Submit for assessment"));

        var result = await Html.ParseAsync(response);
        var errors = Html.Errors(result);
        Assert.Contains("Write the action plan section before you submit", errors);
        Assert.Contains(errors, e => e.StartsWith("Not met: Placement of at least 9 working days. 7 working days logged; 9 needed.", StringComparison.Ordinal));
        Assert.Contains("Your account has not been submitted. It has been saved as a draft.", errors);
        Assert.Equal("My placement at a contrasting school.", result.QuerySelector("#Sections_0_")!.TextContent);
        Assert.Equal("What I learned.", result.QuerySelector("#Sections_2_")!.TextContent);
        var stored = await App.WithDbAsync(db => db.Submissions.SingleAsync());
        Assert.Equal(SubmissionStatus.Draft, stored.Status);
        Assert.Equal(9, stored.Words);
    }

    [Fact]
    public async Task Submit_OverTheWordLimit_IsRefused_WithTheTextKept()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project2Async(me);
        var page = await client.GetDocumentAsync("/Projects/Submission/2");
        var long1 = string.Join(' ', Enumerable.Repeat("well-being", 1300));

        var response = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>
        {
            ["Sections[0]"] = long1, ["Sections[1]"] = long1, ["Sections[2]"] = "Done.",
        }, page.ButtonAction("Submit for assessment"));

        var result = await Html.ParseAsync(response);
        Assert.Contains("Not met: Written account within 2,500 words. 2,601 words: 101 over the 2,500-word limit. Annexes and supporting documents are not counted.", Html.Errors(result));
        Assert.Equal(long1, result.QuerySelector("#Sections_0_")!.TextContent);
        Assert.Equal("2,601", result.QuerySelector("#word-count-total")!.TextContent);
        Assert.Equal("101 over the limit", result.QuerySelector("#word-count-tag")!.TextContent);
        Assert.Equal(SubmissionStatus.Draft, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_WhenEverythingIsMet_SubmitsAndLocksTheAccount()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project1Async(me);
        await Data.DocumentAsync(me, 1, (await Data.CriterionAsync(1, "1.1")).Id);
        var page = await client.GetDocumentAsync("/Projects/Submission/1");

        var response = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>
        {
            ["Sections[0]"] = "Design.", ["Sections[1]"] = "Implementation.", ["Sections[2]"] = "Evaluation.",
            ["Annexes"] = string.Join(' ', Enumerable.Repeat("annex", 5000)),
        }, page.ButtonAction("Submit for assessment"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync("/Projects/Submission/1");
        Assert.Contains("Project 1 has been submitted for assessment", after.Text(), StringComparison.Ordinal);
        Assert.Equal("Submitted", after.QuerySelector("#submission-status")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("#account-form"));
        var stored = await App.WithDbAsync(db => db.Submissions.SingleAsync());
        Assert.Equal((SubmissionStatus.Submitted, 3), (stored.Status, stored.Words));
        Assert.Equal("Submitted", (await client.GetDocumentAsync("/Projects")).QuerySelector("#status-1")!.TextContent.Trim());
    }

    [Fact]
    public async Task UploadAccount_Docx_IsCountedWithoutItsAnnex_ReplacedAndSubmitted()
    {
        var (client, me) = await DelegateAsync();
        await Data.Project1Async(me);
        await Data.DocumentAsync(me, 1, (await Data.CriterionAsync(1, "1.1")).Id);
        var page = await client.GetDocumentAsync("/Projects/Submission/1");
        var docx = AccountFiles.Docx().Heading("Design").Paragraph("Our reading plan raised attainment across the school.")
            .Heading("Annex A").Paragraph("Raw scores for every class.").Build();

        var uploaded = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>(), page.ButtonAction("Upload and count the account"),
            new UploadFile("AccountUpload", "account.docx", docx));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var after = await client.GetDocumentAsync("/Projects/Submission/1");
        Assert.Contains("Your account has been uploaded: 9 words counted of 4,000. Not counted: Annex A (7 words).", after.Text(), StringComparison.Ordinal);
        Assert.Equal("9 words", after.QuerySelector("#account-file-words")!.TextContent);
        Assert.Equal("Annex A: 7 words", after.QuerySelector("#account-file-excluded li")!.TextContent.Trim());
        Assert.Equal("9", after.QuerySelector("#word-count-total")!.TextContent);
        var firstFile = await App.WithDbAsync(db => db.Submissions.Select(s => s.AccountFileId).SingleAsync());

        // Replacing the file deletes the old one; a scanned PDF is refused with the reason.
        var scanned = await client.SendFormAsync(after, "#account-form", new Dictionary<string, string>(), after.ButtonAction("Upload and count the account"),
            new UploadFile("AccountUpload", "scan.pdf", AccountFiles.ScannedPdf()));
        Assert.Equal(["This PDF has no text we can count: upload the Word file or type your account"], Html.Errors(await Html.ParseAsync(scanned)));
        after = await client.GetDocumentAsync("/Projects/Submission/1");
        await client.SendFormAsync(after, "#account-form", new Dictionary<string, string>(), after.ButtonAction("Upload and count the account"),
            new UploadFile("AccountUpload", "account-v2.pdf", AccountFiles.Pdf([["Design", "A shorter account."]])));
        Assert.False(await App.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == firstFile)));
        Assert.Equal(4, await App.WithDbAsync(db => db.Submissions.Select(s => s.Words).SingleAsync()));

        // The uploaded account stands in for the sections.
        after = await client.GetDocumentAsync("/Projects/Submission/1");
        var submitted = await client.SendFormAsync(after, "#account-form", new Dictionary<string, string>(), after.ButtonAction("Submit for assessment"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_MissingRequirements_NamesEachOne()
    {
        var (client, me) = await DelegateAsync();
        var page = await client.GetDocumentAsync("/Projects/Submission/2");

        var response = await client.SendFormAsync(page, "#account-form", new Dictionary<string, string>
        {
            ["Sections[0]"] = "Placement.", ["Sections[1]"] = "Plan.", ["Sections[2]"] = "Board.",
        }, page.ButtonAction("Submit for assessment"));

        var errors = Html.Errors(await Html.ParseAsync(response));
        foreach (var requirement in ProjectRequirements.Project2Requirements.Where(r => r.Key != RequirementKeys.AccountWords))
        {
            Assert.Contains(errors, e => e.StartsWith($"Not met: {requirement.Name}.", StringComparison.Ordinal));
        }
        var panel = (await client.GetDocumentAsync("/Projects/Submission/2")).QuerySelectorAll("#requirements-2 [data-fix]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Projects/Project2#Input_ActionPlan", panel);
        Assert.Contains("/Projects/Placement", panel);
    }

    [Fact]
    public async Task Submit_TwiceAtOnce_OneSucceedsAndTheOtherIsRefused()
    {
        var (_, me) = await DelegateAsync();
        await Data.Project1Async(me);
        await Data.SubmissionAsync(me, 1, SubmissionStatus.Draft);
        await Data.DocumentAsync(me, 1, (await Data.CriterionAsync(1, "1.1")).Id);
        var first = await SignedInAsync("me@test.example");
        var second = await SignedInAsync("me@test.example");
        var page1 = await first.GetDocumentAsync("/Projects/Submission/1");
        var page2 = await second.GetDocumentAsync("/Projects/Submission/1");

        var responses = await Task.WhenAll(
            first.SendFormAsync(page1, "#account-form", action: page1.ButtonAction("Submit for assessment")),
            second.SendFormAsync(page2, "#account-form", action: page2.ButtonAction("Submit for assessment")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("This account has already been submitted. Nothing was changed.", Html.Errors(await Html.ParseAsync(refused)));
        var stored = await App.WithDbAsync(db => db.Submissions.ToListAsync());
        Assert.Equal(SubmissionStatus.Submitted, Assert.Single(stored).Status);
    }

    [Fact]
    public async Task Submit_FirstVersionTwiceAtOnce_CreatesOneSubmission()
    {
        var (_, me) = await DelegateAsync();
        await Data.Project1Async(me);
        // No draft yet, so no documents: the team has overridden the evidence requirements.
        var participantId = await Data.ParticipantIdAsync(me);
        await App.WithDbAsync(async db =>
        {
            foreach (var key in new[] { RequirementKeys.DocumentsMapped, RequirementKeys.CriteriaEvidenced })
            {
                db.RequirementOverrides.Add(new RequirementOverride
                {
                    ParticipantId = participantId, Project = 1, Key = key, Reason = "Evidence sent by post.",
                    CreatedById = me.Id, CreatedByName = "Team", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
        });
        var first = await SignedInAsync("me@test.example");
        var second = await SignedInAsync("me@test.example");
        var page1 = await first.GetDocumentAsync("/Projects/Submission/1");
        var page2 = await second.GetDocumentAsync("/Projects/Submission/1");
        var text = new Dictionary<string, string> { ["Sections[0]"] = "Design.", ["Sections[1]"] = "Implementation.", ["Sections[2]"] = "Evaluation." };

        var responses = await Task.WhenAll(
            first.SendFormAsync(page1, "#account-form", text, page1.ButtonAction("Submit for assessment")),
            second.SendFormAsync(page2, "#account-form", text, page2.ButtonAction("Submit for assessment")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await App.WithDbAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task Upload_ChecksTypeSizeAndCriteria_KeepingTheText()
    {
        var (client, _) = await DelegateAsync();
        var criterion = await Data.CriterionAsync(1, "1.1");
        var page = await client.GetDocumentAsync("/Projects/Submission/1");
        var upload = page.ButtonAction("Upload document");
        var text = new Dictionary<string, string> { ["Sections[0]"] = "Typed before uploading" };

        var wrongType = await client.SendFormAsync(page, "#account-form", text.Append(new("UploadCriterionIds", $"{criterion.Id}")), upload,
            new UploadFile("Upload", "tool.exe", [1, 2, 3]));
        // Each post saves the draft, so each starts from the page as it is now.
        page = await client.GetDocumentAsync("/Projects/Submission/1");
        var tooBig = await client.SendFormAsync(page, "#account-form", text.Append(new("UploadCriterionIds", $"{criterion.Id}")), upload,
            new UploadFile("Upload", "huge.pdf", new byte[10 * 1024 * 1024 + 1]));
        page = await client.GetDocumentAsync("/Projects/Submission/1");
        var noCriteria = await client.SendFormAsync(page, "#account-form", text, upload, new UploadFile("Upload", "notes.pdf", [1, 2, 3]));

        var wrongTypePage = await Html.ParseAsync(wrongType);
        Assert.Contains(Html.Errors(wrongTypePage), e => e.StartsWith("The selected file must be a PDF, Word", StringComparison.Ordinal));
        Assert.Equal("Typed before uploading", wrongTypePage.QuerySelector("#Sections_0_")!.TextContent);
        Assert.Contains("The selected file must be smaller than 10 MB", Html.Errors(await Html.ParseAsync(tooBig)));
        Assert.Contains("Select the criteria this document evidences", Html.Errors(await Html.ParseAsync(noCriteria)));
        Assert.Equal(0, await App.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal("Typed before uploading", await App.WithDbAsync(db => db.Submissions.Select(s => s.Section1).SingleAsync()));
    }

    [Fact]
    public async Task Upload_AttachesAndMapsADocument_WhichCanBeRemappedDownloadedAndRemoved()
    {
        var (client, _) = await DelegateAsync();
        var c1 = await Data.CriterionAsync(1, "1.1");
        var c2 = await Data.CriterionAsync(1, "1.2");
        var page = await client.GetDocumentAsync("/Projects/Submission/1");

        var response = await client.SendFormAsync(page, "#account-form",
            [new("Sections[0]", "Design"), new("UploadCriterionIds", $"{c1.Id}")], page.ButtonAction("Upload document"),
            new UploadFile("Upload", "minutes.pdf", "%PDF-1.4 minutes"u8.ToArray(), "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await client.GetDocumentAsync("/Projects/Submission/1");
        Assert.Contains("Attached minutes.pdf", page.Text(), StringComparison.Ordinal);
        var documentId = await App.WithDbAsync(db => db.SubmissionDocuments.Select(d => d.Id).SingleAsync());
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#doc-{documentId}-criterion-{c1.Id}")!.IsChecked);

        await client.SendFormAsync(page, "#account-form", [new("Documents[0].CriterionIds", $"{c2.Id}")], page.ButtonAction("Save draft"));
        Assert.Equal([c2.Id], await App.WithDbAsync(db => db.DocumentCriteria.Select(c => c.CriterionId).ToListAsync()));

        var download = await client.GetAsync($"/Projects/Submission/1?handler=Download&documentId={documentId}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-1.4 minutes", await download.Content.ReadAsStringAsync());

        page = await client.GetDocumentAsync("/Projects/Submission/1");
        var ask = await client.SendFormAsync(page, "#account-form", action: page.ButtonAction("Remove"));
        var confirm = await client.GetDocumentAsync(ask.Headers.Location!.OriginalString);
        Assert.Contains("Remove minutes.pdf from your supporting documents?", confirm.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.SubmissionDocuments.CountAsync()));
        await client.SubmitAsync(confirm, []);
        Assert.Equal((0, 0), await App.WithDbAsync(async db => (await db.SubmissionDocuments.CountAsync(), await db.StoredFiles.CountAsync())));
    }

    [Fact]
    public async Task Exemplars_DelegatesReadAndDownloadThem()
    {
        var (client, _) = await DelegateAsync();
        await App.WithDbAsync(async db =>
        {
            var file = new Roundtable.Web.Infrastructure.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = "exemplar.txt", ContentType = "text/plain", Content = "An exemplar"u8.ToArray(), Size = 11,
                UploadedById = "x", UploadedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.StoredFiles.Add(file);
            db.Exemplars.Add(new Exemplar { Project = 2, Title = "Exemplar 2: a rural primary", Summary = "Small school", FileId = file.Id, PublishedById = "x" });
            await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync("/Projects/Exemplars");
        var link = page.QuerySelectorAll("main a").Single(a => a.TextContent == "Exemplar 2: a rural primary").GetAttribute("href")!;

        Assert.Contains("No exemplars have been published for Project 1 yet.", page.Text(), StringComparison.Ordinal);
        Assert.Equal("An exemplar", await client.GetStringAsync(link));
    }

    [Fact]
    public async Task Exemplars_FilteredByPhase_SoDelegatesFindOnesFromARangeOfPhases()
    {
        var (client, _) = await DelegateAsync();
        await App.WithDbAsync(async db =>
        {
            foreach (var (project, title, phase) in new[] { (1, "Exemplar 1: an academy", SchoolPhase.Secondary), (2, "Exemplar 2: a rural primary", SchoolPhase.Primary),
                         (1, "Exemplar 3: a village primary", SchoolPhase.Primary) })
            {
                var file = new Roundtable.Web.Infrastructure.Files.StoredFile
                {
                    Id = Guid.NewGuid(), FileName = "exemplar.txt", ContentType = "text/plain", Content = "An exemplar"u8.ToArray(), Size = 11,
                    UploadedById = "x", UploadedAt = App.Clock.GetUtcNow().UtcDateTime,
                };
                db.StoredFiles.Add(file);
                db.Exemplars.Add(new Exemplar { Project = project, Title = title, Summary = "Summary", FileId = file.Id, PublishedById = "x", Phase = phase });
            }
            await db.SaveChangesAsync();
        });

        var all = await client.GetDocumentAsync("/Projects/Exemplars");
        var primary = await client.GetDocumentAsync("/Projects/Exemplars?phase=Primary");
        var secondary = await client.GetDocumentAsync("/Projects/Exemplars?phase=Secondary");

        string[] Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main li a").Select(a => a.TextContent).ToArray();
        Assert.Equal(["Exemplar 1: an academy", "Exemplar 3: a village primary", "Exemplar 2: a rural primary"], Titles(all));
        Assert.Equal(["Exemplar 3: a village primary", "Exemplar 2: a rural primary"], Titles(primary));
        Assert.Equal(["Exemplar 1: an academy"], Titles(secondary));
        Assert.Contains("No secondary exemplars have been published for Project 2.", secondary.Text(), StringComparison.Ordinal);
        Assert.Equal(["", "Primary", "Secondary"], all.QuerySelectorAll("#phase option").Select(o => o.GetAttribute("value")));
    }
}
