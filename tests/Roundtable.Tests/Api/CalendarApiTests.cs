using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Api;

// Calendar feeds and session events through HTTP. The test clock stands at Monday 23 November 2026, 10:00 UK.
public class CalendarApiTests(AppFactory app) : AppTest(app)
{
    private static async Task<string> FeedUrlAsync(HttpClient client, string path = "/api/v1/me/calendar-feed", bool post = false)
    {
        var response = post ? await client.PostAsync(path, null) : await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task<Ical.Net.Calendar> CalendarAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    // A delegate in a group with one upcoming session, booked on one tutorial with a partner.
    private async Task<(AppUser Delegate, AppUser Partner, CommunitySession Session, Booking Booking)> DiaryAsync()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3), SessionMode.InPerson);
        var partner = await Data.PartnerAsync();
        var slot = await App.SlotAsync(await App.PartnerProfileAsync(partner), TimeSpan.FromDays(10));
        var booking = await App.BookingAsync(slot, members[0]);
        return (members[0], partner, session, booking);
    }

    [Fact]
    public async Task GetFeed_MakesAnAbsoluteAddressOnce_ThatAnswersWithoutSignIn_WithEachSessionAndTutorial()
    {
        var (me, _, session, booking) = await DiaryAsync();
        var client = await SignedInAsync(me.Email!);

        var url = await FeedUrlAsync(client);

        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics$", url);
        Assert.Equal(url, await FeedUrlAsync(client));
        var response = await Anonymous().GetAsync(PathOf(url));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var calendar = await CalendarAsync(response);
        Assert.Equal(2, calendar.Events.Count);
        var sessionEvent = Assert.Single(calendar.Events, e => e.Uid == $"session-{session.Id}@localhost");
        Assert.Equal(session.StartsAt, sessionEvent.DtStart!.AsUtc);
        Assert.Equal("Room 1", sessionEvent.Location);
        var tutorial = Assert.Single(calendar.Events, e => e.Uid == $"tutorial-{booking.Id}@localhost");
        Assert.Equal("Online: https://meet.example.org/t", tutorial.Location);
        Assert.Equal("https://meet.example.org/t", tutorial.Url?.ToString());
        Assert.All(calendar.Events, e => Assert.Equal("CONFIRMED", e.Status));
    }

    [Fact]
    public async Task Feed_ForThePartner_HoldsTheirTutorials_NotTheDelegatesSessions()
    {
        var (_, partner, _, booking) = await DiaryAsync();

        var url = await FeedUrlAsync(await SignedInAsync(partner.Email!));

        var calendar = await CalendarAsync(await Anonymous().GetAsync(PathOf(url)));
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"tutorial-{booking.Id}@localhost", e.Uid);
        Assert.StartsWith("NPQH Project 1 tutorial with ", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_AfterTheTutorialMovesAndIsCancelled_KeepsTheUid_RaisesTheSequence_AndMarksItCancelled()
    {
        var (me, partner, _, booking) = await DiaryAsync();
        var client = await SignedInAsync(me.Email!);
        var url = PathOf(await FeedUrlAsync(client));
        var later = await App.SlotAsync(await App.WithDbAsync(db => db.PartnerProfiles.SingleAsync(p => p.UserId == partner.Id)), TimeSpan.FromDays(12));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/bookings/{booking.Id}/reschedule", new { slotId = later.Id })).StatusCode);
        var moved = Assert.Single((await CalendarAsync(await Anonymous().GetAsync(url))).Events, e => e.Uid == $"tutorial-{booking.Id}@localhost");
        Assert.Equal((1, later.StartsAt), (moved.Sequence, moved.DtStart!.AsUtc));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/bookings/{booking.Id}/cancel", new { reason = "Ill" })).StatusCode);
        var cancelled = Assert.Single((await CalendarAsync(await Anonymous().GetAsync(url))).Events, e => e.Uid == $"tutorial-{booking.Id}@localhost");
        Assert.Equal((2, "CANCELLED"), (cancelled.Sequence, cancelled.Status));
    }

    [Fact]
    public async Task Feed_ACancelledSession_IsMarkedCancelled()
    {
        var (me, _, session, _) = await DiaryAsync();
        await App.WithDbAsync(async db =>
        {
            var tracked = await db.CommunitySessions.SingleAsync(s => s.Id == session.Id);
            Assert.Null(tracked.Cancel(App.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

        var url = await FeedUrlAsync(await SignedInAsync(me.Email!));

        var e = Assert.Single((await CalendarAsync(await Anonymous().GetAsync(PathOf(url)))).Events, e => e.Uid == $"session-{session.Id}@localhost");
        Assert.Equal((1, "CANCELLED"), (e.Sequence, e.Status));
    }

    [Fact]
    public async Task AddressWhoseKeysAreLost_AccountPageStillOpens_AndAskingGivesANewWorkingAddress()
    {
        var (me, _, _, _) = await DiaryAsync();
        var client = await SignedInAsync(me.Email!);
        var old = await FeedUrlAsync(client);
        // As after a lost key ring: the stored token can no longer be unprotected.
        await App.WithDbAsync(db => db.CalendarFeeds.Where(f => f.UserId == me.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.ProtectedToken, "not-a-protected-token")));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Me")).StatusCode);
        var fresh = await FeedUrlAsync(client);

        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(PathOf(old))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync(PathOf(fresh))).StatusCode);
    }

    [Fact]
    public async Task Renew_GivesANewAddress_AndTheOldOneAnswers404()
    {
        var (me, _, _, _) = await DiaryAsync();
        var client = await SignedInAsync(me.Email!);
        var old = await FeedUrlAsync(client);

        var renewed = await FeedUrlAsync(client, "/api/v1/me/calendar-feed/renew", post: true);

        Assert.NotEqual(old, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(PathOf(old))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync(PathOf(renewed))).StatusCode);
        Assert.Equal(renewed, await FeedUrlAsync(client));
    }

    [Fact]
    public async Task Revoke_StopsTheAddress_AndTheNextRequestMakesAFreshOne()
    {
        var (me, _, _, _) = await DiaryAsync();
        var client = await SignedInAsync(me.Email!);
        var old = await FeedUrlAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/me/calendar-feed")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(PathOf(old))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/me/calendar-feed")).StatusCode);
        Assert.NotEqual(old, await FeedUrlAsync(client));
    }

    [Fact]
    public async Task OnlyTheTokensHash_IsLookedUp_AndTheTokenIsNotStoredInClear()
    {
        var (me, _, _, _) = await DiaryAsync();
        var url = await FeedUrlAsync(await SignedInAsync(me.Email!));
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];

        var row = await App.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync());

        Assert.Equal(Roundtable.Web.Calendars.CalendarFeed.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, row.TokenHash + row.ProtectedToken, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/calendar/not-a-token.ics")]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    public async Task Feed_WithAnUnknownToken_Is404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task FeedAddress_NeedsSignIn()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/me/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostAsync("/api/v1/me/calendar-feed/renew", null)).StatusCode);
    }

    [Fact]
    public async Task SessionEvent_ForMembersTheirTutorAndTheTeam_OthersGet404()
    {
        var cohort = await Data.CohortAsync();
        var tutor = await Data.TutorAsync();
        var member = await Data.DelegateAsync(cohort, "member@test.example", tutor: tutor);
        var others = new List<AppUser>();
        for (var i = 2; i <= 4; i++)
        {
            others.Add(await Data.DelegateAsync(cohort, $"m{i}@test.example", await Data.SchoolAsync(300000 + i, $"School {i}")));
        }
        var group = await App.GroupAsync(cohort, [member, .. others]);
        var session = await App.SessionAsync(group, new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc) - App.Clock.GetUtcNow().UtcDateTime);
        var outsider = await Data.DelegateAsync(cohort, "outsider@test.example", await Data.SchoolAsync(300010, "Elsewhere"));
        await Data.ProgrammeTeamAsync();
        var path = $"/api/v1/sessions/{session.Id}/calendar.ics";

        var calendar = await CalendarAsync(await (await SignedInAsync("member@test.example")).GetAsync(path));

        var e = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.True(e.DtStart.IsUtc);
        Assert.Equal("Community session: Group A", e.Summary);
        Assert.Equal("https://meet.example.org/x", e.Url?.ToString());
        await CalendarAsync(await (await SignedInAsync(tutor.Email!)).GetAsync(path));
        await CalendarAsync(await (await SignedInAsync("team@test.example")).GetAsync(path));
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("outsider@test.example")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("outsider@test.example")).GetAsync("/api/v1/sessions/999999/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task SessionEvent_OfAnUnpublishedGroup_Is404ForItsMembers()
    {
        var cohort = await Data.CohortAsync();
        var member = await Data.DelegateAsync(cohort, "member@test.example");
        var group = await App.GroupAsync(cohort, [member], published: false);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));

        var response = await (await SignedInAsync("member@test.example")).GetAsync($"/api/v1/sessions/{session.Id}/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
