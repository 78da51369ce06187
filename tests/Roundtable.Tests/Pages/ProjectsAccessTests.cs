using System.Net;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Pages;

// The NPQH project records one person must not reach by id (every page against every role is in AccessTests).
public class ProjectsAccessTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Navigation_OffersProjectsToDelegatesAndTheTeam()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        await Data.ProgrammeTeamAsync();

        var delegateLinks = (await (await SignedInAsync("d@test.example")).GetDocumentAsync("/Projects"))
            .QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        var teamLinks = (await (await SignedInAsync("team@test.example")).GetDocumentAsync("/Programme/Projects"))
            .QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/Projects", delegateLinks);
        Assert.Contains("/Programme/Projects", teamLinks);
    }

    [Fact]
    public async Task DelegateNotOnNpqh_IsToldClearly_AndCannotSave()
    {
        var cohort = await Data.CohortAsync("NPQSL Test", "NPQSL");
        await Data.DelegateAsync(cohort, "sl@test.example");
        var client = await SignedInAsync("sl@test.example");

        foreach (var path in new[] { "/Projects", "/Projects/Project1", "/Projects/Placement", "/Projects/Submission/1" })
        {
            var page = await client.GetDocumentAsync(path);
            Assert.Contains("You are not on an NPQH cohort", page.Text(), StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("main form[method=post]"));
        }
        var token = Html.Token(await client.GetDocumentAsync("/Delegate"));
        var post = await client.PostAsync("/Projects/Project1", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Rationale", "x")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Delegate_SeesOnlyTheirOwnProject_NotAnotherDelegates()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "me@test.example");
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        await Data.Project2Async(other);
        var theirs = await Data.SubmissionAsync(other, 1, SubmissionStatus.Draft);
        var theirDocument = await AddDocumentAsync(theirs.Id);
        var client = await SignedInAsync("me@test.example");

        var placement = await client.GetDocumentAsync("/Projects/Placement");
        var account = await client.GetDocumentAsync("/Projects/Submission/1");
        var download = await client.GetAsync($"/Projects/Submission/1?handler=Download&documentId={theirDocument}");
        var removeTheirDay = await client.GetAsync($"/Projects/Placement?removeDay={await FirstDayIdAsync(other)}");

        Assert.Contains("You have not logged any placement days yet", placement.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Design of the change", account.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removeTheirDay.StatusCode);
    }

    [Fact]
    public async Task Delegate_CannotRemoveAnotherDelegatesPlacementDay()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        await Data.Project2Async(me, [new DateOnly(2026, 10, 5)]);
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        await Data.Project2Async(other);
        var theirDay = await FirstDayIdAsync(other);
        var client = await SignedInAsync("me@test.example");
        var myDay = await FirstDayIdAsync(me);

        var page = await client.GetDocumentAsync($"/Projects/Placement?removeDay={myDay}");
        var response = await client.SubmitAsync(page, [], extra: null, formSelector: "main form");
        var token = Html.Token(page);
        var attack = await client.PostAsync($"/Projects/Placement?handler=RemoveDay&id={theirDay}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, attack.StatusCode);
        Assert.Equal(9, await App.WithDbAsync(db => Task.FromResult(db.PlacementDays.Count())));
    }

    [Fact]
    public async Task Assessor_OpensOnlyTheirOwnAssignments()
    {
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example");
        var mine = await Data.AssessorAsync("mine@test.example");
        var theirs = await Data.AssessorAsync("theirs@test.example");
        var assignedToMe = await Data.SubmissionAsync(author, 1, SubmissionStatus.Assigned, mine);
        var assignedToThem = await Data.SubmissionAsync(author, 2, SubmissionStatus.Assigned, theirs);
        var document = await AddDocumentAsync(assignedToThem.Id);
        var client = await SignedInAsync("mine@test.example");

        var list = await client.GetDocumentAsync("/Assessor");

        Assert.Single(list.QuerySelectorAll("#assignments tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Assessor/Submission/{assignedToMe.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessor/Submission/{assignedToThem.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessor/Submission/{assignedToThem.Id}?handler=Download&documentId={document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessor/Submission/{assignedToMe.Id}?handler=Download&documentId={document}")).StatusCode);
    }

    [Fact]
    public async Task Tutor_SeesOnlyTheirOwnDelegates()
    {
        var tutor = await Data.TutorAsync();
        var otherTutor = await Data.TutorAsync("other-tutor@test.example");
        var cohort = await Data.CohortAsync();
        var mine = await Data.DelegateAsync(cohort, "mine@test.example", tutor: tutor, name: "Mina Mine");
        var notMine = await Data.DelegateAsync(cohort, "theirs@test.example", tutor: otherTutor, name: "Theo Theirs");
        await Data.Project2Async(mine);
        var client = await SignedInAsync("tutor@test.example");

        var list = await client.GetDocumentAsync("/Tutor/Projects");
        var detail = await client.GetDocumentAsync($"/Tutor/Projects/Delegate/{await Data.ParticipantIdAsync(mine)}");

        Assert.Contains("Mina Mine", list.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Theo Theirs", list.Text(), StringComparison.Ordinal);
        Assert.Contains("9 working days logged", detail.Text(), StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Tutor/Projects/Delegate/{await Data.ParticipantIdAsync(notMine)}")).StatusCode);
    }

    [Fact]
    public async Task ProgrammeTeam_DraftsAreNotSubmissions()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var author = await Data.DelegateAsync(cohort, "d@test.example");
        var draft = await Data.SubmissionAsync(author, 1, SubmissionStatus.Draft);
        var client = await SignedInAsync("team@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programme/Projects/Submission/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Programme/Projects/Delegate/9999")).StatusCode);
    }

    private Task<int> FirstDayIdAsync(AppUser user) =>
        App.WithDbAsync(db => Task.FromResult(db.PlacementDays.Where(d => db.Project2s.Any(p => p.Id == d.Project2Id && p.Participant.UserId == user.Id)).Select(d => d.Id).First()));

    private Task<int> AddDocumentAsync(int submissionId) =>
        App.WithDbAsync(async db =>
        {
            var file = new Roundtable.Web.Infrastructure.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = "evidence.pdf", ContentType = "application/pdf", Content = [1, 2, 3], Size = 3,
                UploadedById = "x", UploadedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.StoredFiles.Add(file);
            var document = new SubmissionDocument { SubmissionId = submissionId, FileId = file.Id, AddedAt = file.UploadedAt };
            db.SubmissionDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
}
