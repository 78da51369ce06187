using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// The reformed case-study assessment through HTTP: the regime per programme, a case study published
// to a cohort with a window in UK time, eligibility from attendance and overrides, the late refusal
// and extensions, one response per delegate, the assessment workflow and GET /api/v1/assessments/mine.
public class CaseStudyTests(AppFactory app) : AppTest(app)
{
    // The clocks go back at 02:00 BST on Sunday 25 October 2026: a window from 20 to 27 October spans it.
    private static readonly DateTime OpensUtc = new(2026, 10, 20, 8, 0, 0, DateTimeKind.Utc);   // 09:00 BST
    private static readonly DateTime ClosesUtc = new(2026, 10, 27, 17, 0, 0, DateTimeKind.Utc); // 17:00 GMT

    private static readonly string[] WindowFields = ["OpensOn", "OpensAtTime", "ClosesOn", "ClosesAtTime", "WordLimit", "AttendanceThreshold"];

    private async Task<(Cohort Cohort, AppUser Me)> CaseStudyCohortAsync()
    {
        var cohort = await Data.CohortAsync("NPQSL Test", "NPQSL");
        await App.WithDbAsync(async db =>
        {
            (await db.Programmes.SingleAsync(p => p.Code == "NPQSL")).Regime = AssessmentRegime.CaseStudy;
            await db.SaveChangesAsync();
        });
        var me = await Data.DelegateAsync(cohort, "me@test.example", name: "Mo Delegate");
        return (cohort, me);
    }

    private Task<int> CaseStudyAsync(Cohort cohort, DateTime? opens = null, DateTime? closes = null, int wordLimit = 1500, int threshold = 90) =>
        App.WithDbAsync(async db =>
        {
            var file = new StoredFile
            {
                Id = Guid.NewGuid(), FileName = "brookside.txt", ContentType = "text/plain", Content = Encoding.UTF8.GetBytes("Brookside Academy."),
                Size = 18, UploadedById = "team", UploadedAt = OpensUtc.AddDays(-10),
            };
            db.StoredFiles.Add(file);
            var caseStudy = CaseStudy.Publish(new CaseStudyFields("Brookside Academy", "How would you lead the change?", cohort.Id,
                opens ?? OpensUtc, closes ?? ClosesUtc, wordLimit, threshold), file, "team", OpensUtc.AddDays(-10));
            db.CaseStudies.Add(caseStudy);
            await db.SaveChangesAsync();
            return caseStudy.Id;
        });

    // Held sessions of a group, and who was present at each (present[i] for the i-th member).
    private async Task HeldSessionsAsync(Cohort cohort, IReadOnlyList<AppUser> members, params bool[][] present)
    {
        var group = await App.GroupAsync(cohort, members);
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < present.Length; i++)
            {
                var session = new CommunitySession
                {
                    GroupId = group.Id, StartsAt = OpensUtc.AddDays(-60 + i * 5), Mode = SessionMode.Online, Where = "https://meet.example.org/x",
                    RecordedAt = OpensUtc.AddDays(-60 + i * 5).AddHours(2),
                    Attendance = members.Select((m, j) => new SessionAttendance { UserId = m.Id, Present = present[i][j] }).ToList(),
                };
                db.CommunitySessions.Add(session);
            }
            await db.SaveChangesAsync();
        });
    }

    private static bool[][] Sessions(int held, params int[] attendedByMember) =>
        Enumerable.Range(0, held).Select(i => attendedByMember.Select(a => i < a).ToArray()).ToArray();

    private static Dictionary<string, string> Typed(string text) => new() { [AccountInput.SectionField(0)] = text };

    [Fact]
    public async Task Regime_SetOnTheProgrammePage_IsAudited()
    {
        await Data.ProgrammeTeamAsync();
        await Data.CohortAsync("NPQSL Test", "NPQSL");
        var id = await App.WithDbAsync(db => db.Programmes.Where(p => p.Code == "NPQSL").Select(p => p.Id).SingleAsync());
        var team = await SignedInAsync("team@test.example");

        var page = await team.GetDocumentAsync($"/Programme/Programmes/Edit/{id}");
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Regime")!.IsChecked);
        var response = await team.SendFormAsync(page, "main form", new Dictionary<string, string> { ["Input.Regime"] = "CaseStudy", ["Input.FrameworkAreas"] = "Leading change" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AssessmentRegime.CaseStudy, await App.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Regime).SingleAsync()));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == AuditedKinds.Programme && e.SubjectId == id).ToListAsync());
        Assert.Contains(audit, e => e.Changes != null && e.Changes.Contains("Regime", StringComparison.Ordinal) && e.Changes.Contains("CaseStudy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_WindowAcrossTheClockChange_StoredInUtc_SeenOnlyOnceOpen_ClosedAtUkTime()
    {
        App.Clock.Reset(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await Data.ProgrammeTeamAsync();
        var (cohort, _) = await CaseStudyCohortAsync();
        var team = await SignedInAsync("team@test.example");
        var form = await team.GetDocumentAsync("/Programme/CaseStudies");
        // Defaults: opens at 09:00 tomorrow, closes at 17:00 on the window's eighth day, 1,500 words, 90 %.
        Assert.Equal(["2026-10-02", "09:00", "2026-10-09", "17:00", "1500", "90"],
            WindowFields.Select(f => form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#Input_{f}")!.Value));
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Brookside Academy", ["Input.Question"] = "How would you lead the change?", ["Input.CohortId"] = $"{cohort.Id}",
            ["Input.OpensOn"] = "2026-10-20", ["Input.ClosesOn"] = "2026-10-27", ["Input.WordLimit"] = "2600",
        };

        var tooMany = await team.SendFormAsync(form, "#case-study-form", values, file: new UploadFile("Input.Upload", "brookside.txt", Encoding.UTF8.GetBytes("Brookside.")));
        Assert.Equal(["The word limit must be a whole number from 1,500 to 2,500"], Html.Errors(await Html.ParseAsync(tooMany)));
        values["Input.WordLimit"] = "2,000";
        var published = await team.SendFormAsync(form, "#case-study-form", values, file: new UploadFile("Input.Upload", "brookside.txt", Encoding.UTF8.GetBytes("Brookside.")));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var stored = await App.WithDbAsync(db => db.CaseStudies.SingleAsync());
        Assert.Equal((OpensUtc, ClosesUtc, 2000, 90), (stored.OpensAt, stored.ClosesAt, stored.WordLimit, stored.AttendanceThreshold));
        var details = await team.GetDocumentAsync($"/Programme/CaseStudies/CaseStudy/{stored.Id}");
        Assert.Equal("20 October 2026, 9:00am", details.Text("[data-opens]"));
        Assert.Equal("27 October 2026, 5:00pm", details.Text("[data-closes]"));

        // Sign-ins last 12 hours of the app's clock: sign in again after each jump.
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddMinutes(-1)));
        var me = await SignedInAsync("me@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/CaseStudies/CaseStudy/{stored.Id}")).StatusCode);
        Assert.NotNull((await me.GetDocumentAsync("/CaseStudies")).QuerySelector("#no-case-studies"));
        Assert.Empty((await me.GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray());

        App.Clock.Reset(new DateTimeOffset(OpensUtc));
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/CaseStudies/CaseStudy/{stored.Id}")).StatusCode);
        var row = Assert.Single((await me.GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray());
        Assert.Equal("2026-10-20T09:00:00+01:00", row.GetProperty("opensAt").GetString());
        Assert.Equal("2026-10-27T17:00:00+00:00", row.GetProperty("closesAt").GetString());

        // After the clocks went back: 16:59 GMT is still open, 17:00 GMT is closed.
        App.Clock.Reset(new DateTimeOffset(ClosesUtc.AddMinutes(-1)));
        me = await SignedInAsync("me@test.example");
        var page = await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{stored.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await me.SendFormAsync(page, "#response-form", Typed("A first draft."), page.ButtonAction("Save draft"))).StatusCode);
        page = await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{stored.Id}");
        App.Clock.Reset(new DateTimeOffset(ClosesUtc));
        var late = await me.SendFormAsync(page, "#response-form", Typed("My response."), page.ButtonAction("Submit your response"));
        Assert.Contains(Html.Errors(await Html.ParseAsync(late)), e => e.StartsWith("The window closed at 27 October 2026, 5:00pm", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Draft, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public void Publish_TimeInTheHourTheClocksGoForward_IsRefused()
    {
        var errors = new FieldErrors();
        Assert.Null(CaseStudy.Instant(errors, "2027-03-28", "01:30", "OpensOn", "OpensAtTime", "opens"));
        Assert.Equal("That time does not exist in the UK: the clocks go forward then", errors.ToFailure()!.Errors.Single().Message);
    }

    [Fact]
    public async Task Eligibility_FromAttendance_IneligibleSeeWhy_AndTheTeamOverridesWithAReason()
    {
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddDays(1)));
        await Data.ProgrammeTeamAsync();
        var (cohort, me) = await CaseStudyCohortAsync();
        var other = await Data.DelegateAsync(cohort, "other@test.example", name: "Olu Other");
        // Ten held sessions: me at 9 (90 %), other at 8 (80 %). A cancelled one and one after the opening do not count.
        await HeldSessionsAsync(cohort, [me, other], Sessions(10, 9, 8));
        await App.WithDbAsync(async db =>
        {
            var groupId = await db.CommunityGroups.Select(g => g.Id).SingleAsync();
            foreach (var (startsAt, cancelled) in new[] { (OpensUtc.AddDays(-3), true), (OpensUtc.AddHours(1), false) })
            {
                db.CommunitySessions.Add(new CommunitySession
                {
                    GroupId = groupId, StartsAt = startsAt, Mode = SessionMode.Online, Where = "https://meet.example.org/x", RecordedAt = startsAt.AddHours(2),
                    CancelledAt = cancelled ? startsAt.AddDays(-1) : null,
                    Attendance = [new SessionAttendance { UserId = me.Id, Present = false }, new SessionAttendance { UserId = other.Id, Present = false }],
                });
            }
            await db.SaveChangesAsync();
        });
        var id = await CaseStudyAsync(cohort);
        var meClient = await SignedInAsync("me@test.example");
        var otherClient = await SignedInAsync("other@test.example");

        var mine = await meClient.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Null(mine.QuerySelector("#not-eligible"));
        Assert.NotNull(mine.QuerySelector("#response-form"));
        var theirs = await otherClient.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Contains("you attended 8 of your group's 10 held community sessions (80 %) against the 90 % needed", theirs.Text("#not-eligible"), StringComparison.Ordinal);
        Assert.Null(theirs.QuerySelector("#response-form"));
        var refused = await otherClient.PostAsync($"/CaseStudies/CaseStudy/{id}?handler=Submit",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(theirs)), new("Version", "1"), new(AccountInput.SectionField(0), "Sneaky.")]));
        Assert.Contains(Html.Errors(await Html.ParseAsync(refused)), e => e.StartsWith("You are not eligible to respond to this case study", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.Submissions.CountAsync()));

        var team = await SignedInAsync("team@test.example");
        var otherId = await Data.ParticipantIdAsync(other);
        var page = await team.GetDocumentAsync($"/Programme/CaseStudies/CaseStudy/{id}?delegate={otherId}");
        var noReason = await team.SendFormAsync(page, "#eligibility-form", new Dictionary<string, string> { ["Input.Eligible"] = "true" });
        Assert.Equal(["Enter the reason"], Html.Errors(await Html.ParseAsync(noReason)));
        var overridden = await team.SendFormAsync(page, "#eligibility-form", new Dictionary<string, string> { ["Input.Eligible"] = "true", ["Input.Reason"] = "Absences were for jury service." });
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);

        theirs = await otherClient.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Null(theirs.QuerySelector("#not-eligible"));
        Assert.Equal(HttpStatusCode.Redirect, (await otherClient.SendFormAsync(theirs, "#response-form", Typed("My response."), theirs.ButtonAction("Submit your response"))).StatusCode);
        var rows = (await team.GetDocumentAsync($"/Programme/CaseStudies/CaseStudy/{id}")).QuerySelectorAll("#delegates tbody tr").ToList();
        Assert.Contains("8 of 10 (80 %)", rows.Single(r => r.GetAttribute("data-delegate") == "Olu Other").TextContent, StringComparison.Ordinal);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == AuditedKinds.CaseStudy && e.SubjectId == id).ToListAsync()),
            e => e.Changes != null && e.Changes.Contains("EligibleOverride", StringComparison.Ordinal));
        // The team's decision about them, with its reason, is in the delegate's subject access export.
        var export = await App.WithDbAsync(db => new Roundtable.Web.Privacy.PersonalDataExport(db).FilesAsync(other.Id));
        Assert.Contains("Absences were for jury service.", Encoding.UTF8.GetString(export!.Single(f => f.Name == "case-study-adjustments.json").Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateSubmission_IsRefused_UntilTheTeamGrantsAnExtension()
    {
        App.Clock.Reset(new DateTimeOffset(ClosesUtc.AddHours(2)));
        await Data.ProgrammeTeamAsync();
        var (cohort, me) = await CaseStudyCohortAsync();
        var id = await CaseStudyAsync(cohort);
        var meClient = await SignedInAsync("me@test.example");

        var closed = await meClient.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Contains("The window closed at 27 October 2026, 5:00pm", closed.Text("#closed"), StringComparison.Ordinal);
        var late = await meClient.PostAsync($"/CaseStudies/CaseStudy/{id}?handler=Submit",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(closed)), new("Version", "1"), new(AccountInput.SectionField(0), "Late.")]));
        Assert.Contains(Html.Errors(await Html.ParseAsync(late)), e => e.Contains("ask the programme team for an extension", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.Submissions.CountAsync()));

        var team = await SignedInAsync("team@test.example");
        var meId = await Data.ParticipantIdAsync(me);
        var page = await team.GetDocumentAsync($"/Programme/CaseStudies/CaseStudy/{id}?delegate={meId}");
        var tooEarly = await team.SendFormAsync(page, "#extension-form", new Dictionary<string, string> { ["Input.ClosesOn"] = "2026-10-27", ["Input.ExtensionReason"] = "Illness." });
        Assert.Equal(["An extension must close after the window does (27 October 2026, 5:00pm)"], Html.Errors(await Html.ParseAsync(tooEarly)));
        var extended = await team.SendFormAsync(page, "#extension-form", new Dictionary<string, string> { ["Input.ClosesOn"] = "2026-10-30", ["Input.ExtensionReason"] = "Illness." });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);

        var open = await meClient.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Contains("30 October 2026, 5:00pm", open.Text("#closes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await meClient.SendFormAsync(open, "#response-form", Typed("Better late."), open.ButtonAction("Submit your response"))).StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == AuditedKinds.CaseStudy && e.SubjectId == id).ToListAsync()),
            e => e.Changes != null && e.Changes.Contains("ExtendedUntil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_TwiceAtOnce_OneSubmissionAndOneClearRefusal()
    {
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddDays(1)));
        var (cohort, _) = await CaseStudyCohortAsync();
        var id = await CaseStudyAsync(cohort);
        var first = await SignedInAsync("me@test.example");
        var second = await SignedInAsync("me@test.example");
        var page1 = await first.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        var page2 = await second.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");

        var responses = await Task.WhenAll(
            first.SendFormAsync(page1, "#response-form", Typed("One response."), page1.ButtonAction("Submit your response")),
            second.SendFormAsync(page2, "#response-form", Typed("One response."), page2.ButtonAction("Submit your response")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("This account has already been submitted. Nothing was changed.", Html.Errors(await Html.ParseAsync(refused)));
        var stored = Assert.Single(await App.WithDbAsync(db => db.Submissions.ToListAsync()));
        Assert.Equal((SubmissionStatus.Submitted, id, ProjectNumbers.CaseStudy), (stored.Status, stored.CaseStudyId!.Value, stored.Project));
    }

    [Fact]
    public async Task Submit_OverTheWordLimit_IsRefused_AndSavedAsADraft()
    {
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddDays(1)));
        var (cohort, _) = await CaseStudyCohortAsync();
        var id = await CaseStudyAsync(cohort);
        var me = await SignedInAsync("me@test.example");
        var page = await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");

        var response = await me.SendFormAsync(page, "#response-form", Typed(string.Join(' ', Enumerable.Repeat("word", 1501))), page.ButtonAction("Submit your response"));

        // Both errors, in any order: the page's script puts the whole-form message first, as GOV.UK does.
        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Equal(2, errors.Count);
        Assert.Contains("Your response is 1,501 words: the limit is 1,500. Shorten it before you submit", errors);
        Assert.Contains(Submission.NotSubmitted, errors);
        Assert.Equal((SubmissionStatus.Draft, 1501), await App.WithDbAsync(db => db.Submissions.Select(s => new ValueTuple<SubmissionStatus, int>(s.Status, s.Words)).SingleAsync()));
    }

    [Fact]
    public async Task Assessment_SameWorkflow_AssignJudgeReleaseAndTheDelegateSeesTheOutcome()
    {
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddDays(1)));
        await Data.ProgrammeTeamAsync();
        await Data.AssessorAsync();
        var (cohort, _) = await CaseStudyCohortAsync();
        var criterion = await Data.CriterionAsync(ProjectNumbers.CaseStudy, "CS1", "Diagnoses the school's challenge");
        var id = await CaseStudyAsync(cohort);
        var me = await SignedInAsync("me@test.example");
        var page = await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        await me.SendFormAsync(page, "#response-form", Typed("I would start with the data."), page.ButtonAction("Submit your response"));
        var responseId = await App.WithDbAsync(db => db.Submissions.Select(s => s.Id).SingleAsync());

        var team = await SignedInAsync("team@test.example");
        var assessorId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "assessor@test.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync($"/Programme/Projects/Submission/{responseId}", new() { ["AssessorId"] = assessorId }, "#assign-form")).StatusCode);
        var assessor = await SignedInAsync("assessor@test.example");
        var judging = await assessor.GetDocumentAsync($"/Assessor/Submission/{responseId}");
        Assert.Contains("I would start with the data.", judging.Text("#account"), StringComparison.Ordinal);
        Assert.Contains("of 1,500 words", judging.Text("#account"), StringComparison.Ordinal);
        Assert.Contains("CS1 Diagnoses the school's challenge", judging.Text("#criteria"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await assessor.SendFormAsync(judging, "#assessment-form", new Dictionary<string, string>
        {
            ["Judgements[0].Met"] = "true", ["Judgements[0].Comment"] = "Sharp diagnosis.", ["Outcome"] = "Passed", ["OutcomeComment"] = "A strong response.",
        })).StatusCode);
        Assert.DoesNotContain("A strong response.", (await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}")).Text(), StringComparison.Ordinal);
        var confirm = await team.GetDocumentAsync($"/Programme/Projects/Submission/{responseId}?release=true");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SubmitAsync(confirm, [])).StatusCode);

        var outcome = await me.GetDocumentAsync($"/CaseStudies/CaseStudy/{id}");
        Assert.Contains("Outcome: Passed", outcome.Text("#response-status"), StringComparison.Ordinal);
        Assert.Contains("A strong response.", outcome.Text("#outcome"), StringComparison.Ordinal);
        Assert.Contains("Met: Sharp diagnosis.", outcome.Text("#outcome"), StringComparison.Ordinal);
        var row = Assert.Single((await me.GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray());
        Assert.Equal("passed", row.GetProperty("status").GetString());
        Assert.Equal(criterion.Id, await App.WithDbAsync(db => db.CriterionJudgements.Select(j => j.CriterionId).SingleAsync()));
    }

    // A response not passed is resubmitted in a later window: the new response is the next version,
    // assessed on the same workflow; the earlier outcome stays.
    [Fact]
    public async Task Resubmission_AfterANotPassedOutcome_IsTheNextVersion_InALaterWindow()
    {
        App.Clock.Reset(new DateTimeOffset(ClosesUtc.AddDays(30)));
        var (cohort, me) = await CaseStudyCohortAsync();
        var first = await CaseStudyAsync(cohort);
        var participantId = await Data.ParticipantIdAsync(me);
        await App.WithDbAsync(async db =>
        {
            var response = Submission.Start(participantId, ProjectNumbers.CaseStudy, 1, OpensUtc.AddDays(1));
            response.CaseStudyId = first;
            response.Status = SubmissionStatus.Released;
            response.Outcome = AssessmentOutcome.NotPassed;
            response.SubmittedAt = OpensUtc.AddDays(2);
            response.AssessedAt = ClosesUtc.AddDays(10);
            response.ReleasedAt = ClosesUtc.AddDays(12);
            db.Submissions.Add(response);
            await db.SaveChangesAsync();
        });
        var later = await CaseStudyAsync(cohort, ClosesUtc.AddDays(29), ClosesUtc.AddDays(36));
        var client = await SignedInAsync("me@test.example");

        var page = await client.GetDocumentAsync($"/CaseStudies/CaseStudy/{later}");
        var submitted = await client.SendFormAsync(page, "#response-form", Typed("My second response."), page.ButtonAction("Submit your response"));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var responses = await App.WithDbAsync(db => db.Submissions.OrderBy(s => s.Version)
            .Select(s => new ValueTuple<int, int?, SubmissionStatus, AssessmentOutcome?>(s.Version, s.CaseStudyId, s.Status, s.Outcome)).ToListAsync());
        Assert.Equal([(1, first, SubmissionStatus.Released, AssessmentOutcome.NotPassed), (2, later, SubmissionStatus.Submitted, null)], responses);
        var mine = (await client.GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString())).ToList();
        Assert.Equal([($"case-study-{first}", "not-passed"), ($"case-study-{later}", "submitted")], mine);
    }

    // The menu matches how the delegate is assessed: NPQH delegates see their projects, delegates on a
    // case-study programme their case studies.
    [Fact]
    public async Task Menu_MyCaseStudies_OnlyForDelegatesOnACaseStudyProgramme()
    {
        var npqh = await Data.CohortAsync();
        await Data.DelegateAsync(npqh, "head@test.example");
        await CaseStudyCohortAsync();

        static List<string> Menu(IDocument page) => page.QuerySelectorAll("nav[aria-label='Menu'] a").Select(a => a.TextContent.Trim()).ToList();
        var headMenu = Menu(await (await SignedInAsync("head@test.example")).GetDocumentAsync("/Delegate"));
        var myMenu = Menu(await (await SignedInAsync("me@test.example")).GetDocumentAsync("/Delegate"));

        Assert.Contains("My projects", headMenu);
        Assert.DoesNotContain("My case studies", headMenu);
        Assert.Contains("My case studies", myMenu);
        Assert.DoesNotContain("My projects", myMenu);
        Assert.Contains("My tutorials", myMenu);
    }

    [Fact]
    public async Task Access_OtherCohortsCaseStudy_Is404_AndTheTeamPagesAreTheTeams()
    {
        App.Clock.Reset(new DateTimeOffset(OpensUtc.AddDays(1)));
        await Data.AssessorAsync();
        var (cohort, _) = await CaseStudyCohortAsync();
        var id = await CaseStudyAsync(cohort);
        var elsewhere = await Data.CohortAsync("NPQSL Other", "NPQSL");
        await Data.DelegateAsync(elsewhere, "else@test.example");
        var stranger = await SignedInAsync("else@test.example");
        var token = Html.Token(await stranger.GetDocumentAsync("/CaseStudies"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/CaseStudies/CaseStudy/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/CaseStudies/CaseStudy/{id}?handler=File")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/CaseStudies/CaseStudy/{id}?handler=Save",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", "1"), new(AccountInput.SectionField(0), "Not mine.")]))).StatusCode);
        var me = await SignedInAsync("me@test.example");
        var assessor = await SignedInAsync("assessor@test.example");
        foreach (var (client, url) in new[] { (me, $"/Programme/CaseStudies/CaseStudy/{id}"), (me, "/Programme/CaseStudies"), (assessor, "/CaseStudies") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.Submissions.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.ProgrammeTeam)]
    [InlineData(Roles.Assessor)]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Partner)]
    public async Task MineApi_NotADelegate_Is403(string role)
    {
        await Data.UserAsync("someone@test.example", roles: [role]);
        var client = await SignedInAsync("someone@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/assessments/mine")).StatusCode);
    }

    [Fact]
    public async Task MineApi_Anonymous_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientWithoutApiToken().GetAsync("/api/v1/assessments/mine")).StatusCode);
    }

    [Fact]
    public async Task MineApi_Shape_ProjectsAndCaseStudies()
    {
        App.Clock.Reset(new DateTimeOffset(ClosesUtc.AddDays(1)));
        var npqh = await Data.CohortAsync();
        var headteacher = await Data.DelegateAsync(npqh, "head@test.example");
        await Data.SubmissionAsync(headteacher, 1, SubmissionStatus.Submitted);
        var (cohort, me) = await CaseStudyCohortAsync();
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        await HeldSessionsAsync(cohort, [me, other], Sessions(10, 10, 5));
        var missed = await CaseStudyAsync(cohort);
        var open = await CaseStudyAsync(cohort, OpensUtc.AddDays(7), ClosesUtc.AddDays(7), wordLimit: 2500);
        await CaseStudyAsync(cohort, ClosesUtc.AddDays(2), ClosesUtc.AddDays(9));

        var projects = (await (await SignedInAsync("head@test.example")).GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray().ToList();
        var caseStudies = (await (await SignedInAsync("me@test.example")).GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray().ToList();
        var ineligible = (await (await SignedInAsync("other@test.example")).GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray().ToList();

        string[] fields = ["id", "regime", "opensAt", "closesAt", "wordLimit", "eligible", "status"];
        Assert.All(projects.Concat(caseStudies), r => Assert.Equal(fields, r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal([("project-1", "projects", 4000, "submitted"), ("project-2", "projects", 2500, "not-started")],
            projects.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("regime").GetString(), r.GetProperty("wordLimit").GetInt32(), r.GetProperty("status").GetString())));
        Assert.All(projects, r =>
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("opensAt").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("closesAt").ValueKind);
            Assert.True(r.GetProperty("eligible").GetBoolean());
        });
        Assert.Equal([($"case-study-{missed}", "case-study", 1500, "missed"), ($"case-study-{open}", "case-study", 2500, "not-started")],
            caseStudies.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("regime").GetString(), r.GetProperty("wordLimit").GetInt32(), r.GetProperty("status").GetString())));
        Assert.All(caseStudies, r => Assert.True(r.GetProperty("eligible").GetBoolean()));
        Assert.Equal(2, ineligible.Count);
        Assert.All(ineligible, r => Assert.False(r.GetProperty("eligible").GetBoolean()));
    }
}
