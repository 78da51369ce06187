using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Security;

// Issue 12, point 2: every input has an upper bound, named in the message.
public class InputBoundsTests(AppFactory app) : AppTest(app)
{
    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Theory]
    [InlineData(61)]
    [InlineData(60000)]
    [InlineData(int.MaxValue)]
    public async Task Agenda_MoreParticipantsThanASessionHolds_Is422WithTheLimit(int participants)
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync($"/api/v1/protocol/agenda?participants={participants}&start=16:00");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"at most {AgendaBuilder.MaximumParticipants} people", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_AFullSession_IsStillAnswered()
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync($"/api/v1/protocol/agenda?participants={AgendaBuilder.MaximumParticipants}&start=16:00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Slot_MoreThanAYearAhead_Is422WithTheLimit()
    {
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        var client = await SignedInAsync("partner@test.example");

        var response = await client.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2029-01-10T16:00", minutes = 60, mode = "Online", where = "https://meet.example.org/x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"up to {TutorialSlot.MaxDaysAhead} days ahead", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slot_BeyondTheOpenSlotLimit_Is429WithTheLimit()
    {
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        await App.WithDbAsync(async db =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < TutorialSlot.MaxOpenSlots; i++)
            {
                db.TutorialSlots.Add(new TutorialSlot
                {
                    PartnerId = profile.Id, StartsAt = now.AddDays(40).AddHours(i), Minutes = 30, Mode = TutorialMode.Online,
                    Where = "https://meet.example.org/t", CreatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        });
        var client = await SignedInAsync("partner@test.example");

        var response = await client.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2026-12-01T16:00", minutes = 60, mode = "Online", where = "https://meet.example.org/x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains($"{TutorialSlot.MaxOpenSlots} open slots", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStreams_MoreThanOnePersonMayOpen_Is429WithTheLimit()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<Roundtable.Web.People.AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"m{i}@test.example"));
        }
        var session = await App.SessionAsync(await App.GroupAsync(cohort, members), TimeSpan.Zero);
        var member = await SignedInAsync("m1@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live/events";
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < Roundtable.Web.LiveSessions.LiveHub.MaxStreamsPerPerson; i++)
            {
                var stream = await member.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
                open.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            }

            var refused = await member.GetAsync(url);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains($"{Roundtable.Web.LiveSessions.LiveHub.MaxStreamsPerPerson} live screens", await DetailAsync(refused), StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
    }
}
