using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;
using Roundtable.Web.Pages.Programme.Cohorts;

namespace Roundtable.Tests.Security;

// Issue 12, point 12: a tutor sees their own delegates' problem cards and artefacts, not the rest
// of the group's, unless the programme team lets the cohort's tutors see whole groups (audited).
public class TutorSightTests(AppFactory app) : AppTest(app)
{
    private async Task<ProblemCard> CardAsync(CommunitySession session, AppUser owner, string problem) =>
        await App.WithDbAsync(async db =>
        {
            var card = new ProblemCard
            {
                SessionId = session.Id, OwnerId = owner.Id, Problem = problem, Evidence = "e", Context = "c", Why = "w",
                FrameworkArea = "behaviour", Specific = SuitabilityAnswer.Yes, Solvable = SuitabilityAnswer.Yes, Controllable = SuitabilityAnswer.Yes,
                Artefact = new StoredFile
                {
                    Id = Guid.NewGuid(), FileName = "plan.txt", ContentType = "text/plain", Content = Encoding.UTF8.GetBytes(problem), Size = problem.Length, UploadedById = owner.Id,
                },
            };
            db.ProblemCards.Add(card);
            await db.SaveChangesAsync();
            return card;
        });

    private async Task<(Cohort Cohort, CommunitySession Session, ProblemCard Mine, ProblemCard Other)> GroupWithTwoCardsAsync()
    {
        var tutor = await Data.TutorAsync();
        var otherTutor = await Data.TutorAsync("other-tutor@test.example");
        var cohort = await Data.CohortAsync();
        var mine = await Data.DelegateAsync(cohort, "mine@test.example", tutor: tutor, name: "Mina Mine");
        var other = await Data.DelegateAsync(cohort, "other@test.example", tutor: otherTutor, name: "Otto Other");
        var group = await App.GroupAsync(cohort, [mine, other]);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        return (cohort, session, await CardAsync(session, mine, "My delegate's problem"), await CardAsync(session, other, "Someone else's problem"));
    }

    [Fact]
    public async Task Tutor_SeesOwnDelegatesCardAndArtefact_NotTheRestOfTheGroups()
    {
        var (_, session, mine, other) = await GroupWithTwoCardsAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        var page = await tutor.GetDocumentAsync($"/Communities/Session/{session.Id}");

        Assert.Contains("My delegate's problem", page.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else's problem", page.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/Communities/Artefact/{other.Id}']"));
        Assert.Contains("your own delegates only", page.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tutor.GetAsync($"/Communities/Artefact/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync($"/Communities/Artefact/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task MembersAndTeam_StillSeeEveryCard()
    {
        var (_, session, mine, other) = await GroupWithTwoCardsAsync();
        var member = await SignedInAsync("other@test.example");
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);

        foreach (var client in new[] { member, team })
        {
            var text = (await client.GetDocumentAsync($"/Communities/Session/{session.Id}")).Text();
            Assert.Contains("My delegate's problem", text, StringComparison.Ordinal);
            Assert.Contains("Someone else's problem", text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Communities/Artefact/{mine.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/Communities/Artefact/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task TeamGrantsWholeGroups_TutorSeesEveryCard_AndTheChangeIsAudited()
    {
        var (cohort, session, _, other) = await GroupWithTwoCardsAsync();
        var teamUser = await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync(teamUser.Email!);
        var tutor = await SignedInAsync("tutor@test.example");
        var details = $"/Programme/Cohorts/Details/{cohort.Id}";
        var sightForm = "form[action*='handler=TutorSight']";

        var granted = await team.PostFormAsync(details, [], formSelector: sightForm);

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("Every problem card in their delegates' community groups", (await team.GetDocumentAsync(details)).Text(), StringComparison.Ordinal);
        var page = await tutor.GetDocumentAsync($"/Communities/Session/{session.Id}");
        Assert.Contains("Someone else's problem", page.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tutor.GetAsync($"/Communities/Artefact/{other.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync(details, [], formSelector: sightForm)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync($"/Communities/Artefact/{other.Id}")).StatusCode);
        var trail = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == Cohort.AuditSubject && e.SubjectId == cohort.Id && e.Action.StartsWith("Tutors"))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.UserId }).ToListAsync());
        Assert.Equal([DetailsModel.WholeGroupsAction, DetailsModel.OwnDelegatesAction], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(teamUser.Id, e.UserId));
    }

    [Fact]
    public async Task OnlyTheProgrammeTeam_MayGrantWholeGroups()
    {
        var (cohort, _, _, _) = await GroupWithTwoCardsAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        var response = await tutor.GetAsync($"/Programme/Cohorts/Details/{cohort.Id}");

        // Refused at the folder's policy: sent to the access-denied page, nothing changed.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohort.Id).Select(c => c.TutorsSeeWholeGroups).SingleAsync()));
    }
}
