using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Api;

public class ProjectsApiTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> SomeoneAsync(string role = Roles.Partner)
    {
        await Data.UserAsync("someone@test.example", roles: [role]);
        return await SignedInAsync("someone@test.example");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WorkingDays_AcrossChristmas_ExcludesWeekendsAndHolidaysWithSubstituteDay()
    {
        var client = await SomeoneAsync();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2026-12-21&to=2027-01-04");

        // 11 weekdays less Christmas Day (Fri), the Boxing Day substitute (Mon 28th) and New Year's Day (Fri).
        Assert.Equal(8, result.GetProperty("workingDays").GetInt32());
        var excluded = result.GetProperty("excluded").EnumerateArray()
            .Select(e => (e.GetProperty("date").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
        [
            ("2026-12-25", "Christmas Day"), ("2026-12-26", "Weekend"), ("2026-12-27", "Weekend"), ("2026-12-28", "Boxing Day"),
            ("2027-01-01", "New Year’s Day"), ("2027-01-02", "Weekend"), ("2027-01-03", "Weekend"),
        ], excluded);
        Assert.Equal(["workingDays", "excluded"], result.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WorkingDays_OneDay_IsInclusive()
    {
        var client = await SomeoneAsync(Roles.Delegate);

        var easterMonday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-03-29&to=2027-03-29");
        var tuesday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-03-30&to=2027-03-30");

        Assert.Equal(0, easterMonday.GetProperty("workingDays").GetInt32());
        Assert.Equal("Easter Monday", easterMonday.GetProperty("excluded")[0].GetProperty("reason").GetString());
        Assert.Equal(1, tuesday.GetProperty("workingDays").GetInt32());
        Assert.Empty(tuesday.GetProperty("excluded").EnumerateArray());
    }

    [Theory]
    [InlineData("from=2026-02-30&to=2026-03-02")]
    [InlineData("from=2026-03-01&to=03/04/2026")]
    [InlineData("from=2026-03-01")]
    [InlineData("")]
    [InlineData("from=2026-03-10&to=2026-03-01")]
    [InlineData("from=2000-01-01&to=2099-12-31")]
    public async Task WorkingDays_BadDates_Are400ProblemDetails(string query)
    {
        var client = await SomeoneAsync();

        await AssertProblemAsync(await client.GetAsync("/api/v1/calendar/working-days?" + query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WorkingDays_NotSignedIn_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/calendar/working-days?from=2026-03-01&to=2026-03-02")).StatusCode);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Don't stop: the well-being plan costs £2,500 — in 2026/27.", 9)]
    [InlineData("Heading\n\nFirst line.\r\nSecond line", 5)]
    [InlineData("Über naïve café, Ελληνικά!", 4)]
    public async Task WordCount_CountsLikeAWordProcessor(string text, int expected)
    {
        var client = await SomeoneAsync();

        var response = await client.PostAsJsonAsync("/api/v1/text/word-count", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("words").GetInt32());
        Assert.Equal(["words"], body.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\": null}")]
    [InlineData("{\"text\": ")]
    public async Task WordCount_NoText_Is400ProblemDetails(string json)
    {
        var client = await SomeoneAsync();

        var response = await client.PostAsync("/api/v1/text/word-count", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requirements_Delegate_ReadsTheirOwn()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        await Data.Project2Async(me, TestData.NinePlacementDays.Take(8).Append(new DateOnly(2026, 8, 31)));
        var client = await SignedInAsync("me@test.example");

        var project2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/2/requirements");
        var project1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/1/requirements");

        var rows = project2.EnumerateArray().ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal(ProjectRequirements.Project2Requirements.Select(r => r.Name), rows.Select(r => r.GetProperty("requirement").GetString()));
        Assert.All(rows, r => Assert.Equal(["requirement", "met", "detail"], r.EnumerateObject().Select(p => p.Name)));
        var days = rows.Single(r => r.GetProperty("requirement").GetString() == "Placement of at least 9 working days");
        Assert.False(days.GetProperty("met").GetBoolean());
        Assert.Contains("8 working days logged; 9 needed", days.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Monday 31 August 2026 (Summer bank holiday)", days.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(rows.Single(r => r.GetProperty("requirement").GetString()!.StartsWith("Plan presented to the placement", StringComparison.Ordinal)).GetProperty("met").GetBoolean());
        Assert.Equal(ProjectRequirements.Project1Requirements.Select(r => r.Name), project1.EnumerateArray().Select(r => r.GetProperty("requirement").GetString()));
        Assert.All(project1.EnumerateArray(), r => Assert.False(r.GetProperty("met").GetBoolean()));
    }

    // Every requirement from the database: all met for a complete project; each broken one named; an override met.
    [Fact]
    public async Task Requirements_CompleteProjects_AllMet_ThenBrokenAndOverridden()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        await Data.Project1Async(me);
        await Data.Project2Async(me);
        var c1 = await Data.CriterionAsync(1, "1.1");
        var c2 = await Data.CriterionAsync(2, "2.1");
        await Data.DocumentAsync(me, 1, c1.Id);
        await Data.DocumentAsync(me, 2, c2.Id);
        await App.WithDbAsync(async db =>
        {
            foreach (var s in db.Submissions)
            {
                s.SetText(["Design.", "Implementation.", "Evaluation."], "", App.Clock.GetUtcNow().UtcDateTime);
            }
            await db.SaveChangesAsync();
        });
        var client = await SignedInAsync("me@test.example");

        async Task<Dictionary<string, (bool Met, string Detail)>> ReadAsync(int project) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/requirements")).EnumerateArray()
                .ToDictionary(r => r.GetProperty("requirement").GetString()!, r => (r.GetProperty("met").GetBoolean(), r.GetProperty("detail").GetString()!));

        var complete1 = await ReadAsync(1);
        var complete2 = await ReadAsync(2);
        Assert.All(complete1, r => Assert.True(r.Value.Met, r.Key + ": " + r.Value.Detail));
        Assert.All(complete2, r => Assert.True(r.Value.Met, r.Key + ": " + r.Value.Detail));
        Assert.Equal(12, complete1.Count);
        Assert.Equal(11, complete2.Count);

        await App.WithDbAsync(async db =>
        {
            await db.Project1s.ExecuteUpdateAsync(u => u.SetProperty(p => p.SmartTarget, (string?)null).SetProperty(p => p.WholeSchool, false));
            await db.Project2s.ExecuteUpdateAsync(u => u.SetProperty(p => p.LeadsActionPlan, false));
            await db.BudgetLines.ExecuteDeleteAsync();
            await db.Set<DocumentCriterion>().ExecuteDeleteAsync();
        });
        var broken1 = await ReadAsync(1);
        var broken2 = await ReadAsync(2);
        Assert.Equal(["Works at whole-school level to improve pupils’ progress and attainment", "SMART target recorded",
                "Supporting documents attached and mapped to the criteria", "Every assessment criterion evidenced"],
            broken1.Where(r => !r.Value.Met).Select(r => r.Key));
        Assert.Equal("No document evidences 1.1.", broken1["Every assessment criterion evidenced"].Detail);
        Assert.Equal(["Action plan recorded, with a curriculum-led budget", "You lead the placement school’s staff in designing the action plan",
                "Supporting documents attached and mapped to the criteria", "Every assessment criterion evidenced"],
            broken2.Where(r => !r.Value.Met).Select(r => r.Key));

        var participantId = await Data.ParticipantIdAsync(me);
        await App.WithDbAsync(async db =>
        {
            db.RequirementOverrides.Add(new RequirementOverride
            {
                ParticipantId = participantId, Project = 1, Key = RequirementKeys.SmartTarget, Reason = "Target agreed in the tutorial.",
                CreatedById = me.Id, CreatedByName = "Team", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        var overridden = (await ReadAsync(1))["SMART target recorded"];
        Assert.Equal((true, "Overridden by the programme team: Target agreed in the tutorial."), overridden);
    }

    private static MultipartFormDataContent FileForm(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task WordCount_DocxUpload_CountsWithoutAnnexes()
    {
        var client = await SomeoneAsync(Roles.Delegate);
        var docx = AccountFiles.Docx().Heading("Design").Paragraph("Our reading plan raised attainment across the school.")
            .Heading("Appendix 1: data").Paragraph("Raw scores.").Build();

        var response = await client.PostAsync("/api/v1/text/word-count", FileForm(docx, "account.docx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["words", "excluded"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(9, body.GetProperty("words").GetInt32());
        var excluded = Assert.Single(body.GetProperty("excluded").EnumerateArray());
        Assert.Equal("Appendix 1: data", excluded.GetProperty("heading").GetString());
        Assert.Equal(5, excluded.GetProperty("words").GetInt32());
    }

    [Fact]
    public async Task WordCount_PdfUpload_Counts()
    {
        var client = await SomeoneAsync(Roles.Delegate);

        var response = await client.PostAsync("/api/v1/text/word-count", FileForm(AccountFiles.Pdf([["Design", "Our reading plan raised attainment."]]), "account.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("words").GetInt32());
    }

    [Theory]
    [InlineData("account.txt")]
    [InlineData("account.doc")]
    public async Task WordCount_OtherFileTypes_Are415(string name)
    {
        var client = await SomeoneAsync(Roles.Delegate);

        await AssertProblemAsync(await client.PostAsync("/api/v1/text/word-count", FileForm("Some words"u8.ToArray(), name)), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WordCount_TextBody_Is415()
    {
        var client = await SomeoneAsync(Roles.Delegate);

        await AssertProblemAsync(await client.PostAsync("/api/v1/text/word-count", new StringContent("words", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("bomb")]
    [InlineData("renamed")]
    [InlineData("encrypted")]
    [InlineData("broken")]
    [InlineData("scanned")]
    public async Task WordCount_BadFiles_Are422WithTheReason(string kind)
    {
        var client = await SomeoneAsync(Roles.Delegate);
        var (content, name, expected) = kind switch
        {
            "bomb" => (AccountFiles.ZipBomb(), "account.docx", "zip bomb"),
            "renamed" => (AccountFiles.Pdf([["Words here"]]), "account.docx", "PDF renamed to .docx"),
            "encrypted" => (AccountFiles.EncryptedDocx(), "account.docx", "password"),
            "broken" => (AccountFiles.Docx("Words")[..200], "account.docx", "damaged"),
            _ => (AccountFiles.ScannedPdf(), "scan.pdf", "This PDF has no text we can count: upload the Word file or type your account."),
        };

        var response = await client.PostAsync("/api/v1/text/word-count", FileForm(content, name));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requirements_DelegateAskingForAnother_Is403()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "me@test.example");
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        var client = await SignedInAsync("me@test.example");

        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/1/requirements?delegateId={other.Id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Requirements_ProgrammeTeam_ReadsAnyDelegate_AndMustSayWhich()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example");
        await Data.Project1Async(someone);
        var client = await SignedInAsync("team@test.example");

        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/1/requirements?delegateId={someone.Id}");

        // Everything recorded is met (a new, whole-school project); there is no account, no document and no criterion yet.
        var notMet = new[] { RequirementKeys.AccountWords, RequirementKeys.DocumentsMapped, RequirementKeys.CriteriaEvidenced };
        var expected = ProjectRequirements.Project1Requirements.Select(r => (r.Key, r.Name, Met: !notMet.Contains(r.Key))).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.Select(e => (e.Name, e.Met)),
            rows.EnumerateArray().Select(r => (r.GetProperty("requirement").GetString()!, r.GetProperty("met").GetBoolean())));
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements?delegateId=nobody"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/3/requirements?delegateId={someone.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requirements_Tutor_ReadsOnlyTheirOwnDelegates()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var mine = await Data.DelegateAsync(cohort, "mine@test.example", tutor: tutor);
        var notMine = await Data.DelegateAsync(cohort, "not-mine@test.example");
        var client = await SignedInAsync("tutor@test.example");

        var response = await client.GetAsync($"/api/v1/projects/2/requirements?delegateId={mine.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/2/requirements?delegateId={notMine.Id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task Requirements_OtherRoles_Are403(string role)
    {
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example");
        var client = await SomeoneAsync(role);

        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/1/requirements?delegateId={someone.Id}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Requirements_DelegateNotOnNpqh_Is404()
    {
        var cohort = await Data.CohortAsync("NPQSL Test", "NPQSL");
        await Data.DelegateAsync(cohort, "sl@test.example");
        var client = await SignedInAsync("sl@test.example");

        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.NotFound);
    }
}
