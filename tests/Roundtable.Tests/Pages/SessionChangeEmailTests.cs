using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

// Issue 14: when the programme team moves or cancels a community session, every member of the
// group and the chair hear of it by e-mail, queued in the outbox with the change.
public class SessionChangeEmailTests(AppFactory app) : AppTest(app)
{
    private static readonly DateTime NewStart = new(2026, 12, 1, 17, 30, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> MoveToRoom9() => new()
    {
        ["Input.Date.Day"] = "1", ["Input.Date.Month"] = "12", ["Input.Date.Year"] = "2026", ["Input.Time"] = "17:30", ["Input.Mode"] = "InPerson", ["Input.Where"] = "Room 9",
    };

    // A published group of four, a session in three days that members[2] chairs, and a signed-in programme team.
    private async Task<(List<AppUser> Members, CommunitySession Session, HttpClient Team)> ArrangeAsync(bool published = true)
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"m{i}@test.example", await Data.SchoolAsync(300000 + i, $"School {i}"), name: $"M Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members, published);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        await App.WithDbAsync(async db =>
        {
            (await db.CommunitySessions.FindAsync(session.Id))!.ChairId = members[2].Id;
            await db.SaveChangesAsync();
        });
        return (members, session, await SignedInAsync("team@test.example"));
    }

    private Task<List<OutboxMessage>> OutboxAsync() =>
        App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.StartsWith("Community session")).OrderBy(m => m.To).ToListAsync());

    [Fact]
    public async Task MovingASession_EmailsEveryMemberTheOldAndNewTimeAndPlace()
    {
        var (members, session, team) = await ArrangeAsync();

        var response = await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", MoveToRoom9(), "form#change-session");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var queued = await OutboxAsync();
        Assert.Equal(members.Select(m => m.Email!).Order(StringComparer.Ordinal), queued.Select(m => m.To));
        Assert.All(queued, m =>
        {
            Assert.Equal(SessionNotifications.MovedSubject, m.Subject);
            Assert.Equal(OutboxStatus.Waiting, m.Status);
            Assert.Contains($"Was: {UkFormat.DateTime(session.StartsAt)} (UK time), online, https://meet.example.org/x", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Now: {UkFormat.DateTime(NewStart)} (UK time), in person, Room 9", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"http://localhost/Communities/Session/{session.Id}", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Dear {m.ToName},", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Equal([members[2].Email!], queued.Where(m => m.TextBody.Contains("which you chair", StringComparison.Ordinal)).Select(m => m.To));
    }

    [Fact]
    public async Task SavingWithoutAChange_QueuesNoEmail()
    {
        var (_, session, team) = await ArrangeAsync();
        await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", MoveToRoom9(), "form#change-session");
        var before = (await OutboxAsync()).Count;

        var again = await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", MoveToRoom9(), "form#change-session");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(4, before);
        Assert.Equal(before, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task ARefusedChange_QueuesNoEmail()
    {
        var (_, session, team) = await ArrangeAsync();

        await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", new()
        {
            ["Input.Date.Day"] = "1", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Time"] = "16:00", ["Input.Mode"] = "InPerson", ["Input.Where"] = "Room 9",
        }, "form#change-session");

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task CancellingASession_EmailsEveryMember()
    {
        var (members, session, team) = await ArrangeAsync();

        var page = await team.GetDocumentAsync($"/Programme/Communities/Session/{session.Id}");
        var response = await team.SubmitAsync(page, new(), "form#cancel-session");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var queued = await OutboxAsync();
        Assert.Equal(members.Select(m => m.Email!).Order(StringComparer.Ordinal), queued.Select(m => m.To));
        Assert.All(queued, m =>
        {
            Assert.Equal(SessionNotifications.CancelledSubject, m.Subject);
            Assert.Contains($"{UkFormat.DateTime(session.StartsAt)} (UK time), online, https://meet.example.org/x", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("has cancelled Group A's community session", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"http://localhost/Communities/Session/{session.Id}", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Equal([members[2].Email!], queued.Where(m => m.TextBody.Contains("which you were to chair", StringComparison.Ordinal)).Select(m => m.To));

        // Cancelling again (the same form sent twice) is refused and tells nobody twice.
        var twice = await team.SubmitAsync(page, new(), "form#cancel-session");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(queued.Count, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task ChangingADraftGroupsSession_EmailsNobody()
    {
        var (_, session, team) = await ArrangeAsync(published: false);

        await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", MoveToRoom9(), "form#change-session");

        Assert.Empty(await OutboxAsync());
    }
}
