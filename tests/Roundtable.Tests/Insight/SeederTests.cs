using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Seed;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Insight;

// The benchmarks' seeder (bench/Roundtable.Seed) run small on the suite's database (SQLite, and
// PostgreSQL in the test command), so that it keeps working as the model changes: it fills every
// area through the app's own entities, and the app answers on what it made.
public class SeederTests(AppFactory app) : AppTest(app)
{
    private async Task<SeedResult> SeedAsync()
    {
        await using var db = SeedDatabase.Open(App.Database.Provider, App.Database.ConnectionString);
        return await new ProgrammeSeeder(db, new SeedOptions { Delegates = 200, Today = LondonTime.Today(App.Clock) }, TextWriter.Null).RunAsync();
    }

    [Fact]
    public async Task Seed_200Delegates_FillsEveryAreaInProportion()
    {
        var result = await SeedAsync();

        await App.WithDbAsync(async db =>
        {
            Assert.Equal(10, await db.Cohorts.CountAsync());
            Assert.Equal(200, await db.Participants.CountAsync());
            Assert.Equal(Enumerable.Repeat(20, 10), await db.Cohorts.OrderBy(c => c.Id).Select(c => c.Participants.Count).ToListAsync());
            Assert.Equal(40, await db.CommunityGroups.CountAsync(g => g.Published));
            Assert.Equal(200, await db.CommunityMembers.CountAsync());
            Assert.Equal(240, await db.CommunitySessions.CountAsync());
            var recorded = await db.CommunitySessions.CountAsync(s => s.RecordedAt != null);
            Assert.InRange(recorded, 100, 200);
            Assert.Equal(recorded * 5, await db.SessionAttendance.CountAsync());
            Assert.True(await db.ProblemCards.CountAsync() > recorded);

            // Every tutorial that happened has the partner's feedback; only held ones are invoiced.
            Assert.True(await db.Bookings.CountAsync(b => b.Status == BookingStatus.Held) > 150);
            Assert.Equal(0, await db.Bookings.CountAsync(b => (b.Status == BookingStatus.Held || b.Status == BookingStatus.NoShow) && b.Feedback == null));
            var invoices = await db.Invoices.CountAsync();
            Assert.Equal(result.Count("invoices"), invoices);
            Assert.True(invoices >= 12);
            Assert.Contains(InvoiceStatus.Paid, await db.Invoices.Select(i => i.Status).Distinct().ToListAsync());
            Assert.Equal(0, await db.InvoiceLines.CountAsync(l => !db.Bookings.Any(b => b.Id == l.BookingId && b.Status == BookingStatus.Held)));
            Assert.Equal(invoices, await db.InvoiceCounters.Select(c => c.Last).SingleAsync());

            Assert.True(await db.Project1s.CountAsync() > 100);
            Assert.True(await db.Submissions.CountAsync() > 20);
        });
    }

    [Fact]
    public async Task CohortReport_OnSeededCohort_AgreesWithTheRows()
    {
        var result = await SeedAsync();
        var cohortId = result.CohortIds[0];
        var expected = await App.WithDbAsync(async db => new
        {
            Held = await db.CommunitySessions.CountAsync(s => s.Group.CohortId == cohortId && s.RecordedAt != null && s.CancelledAt == null),
            Tutorials = await db.Bookings.CountAsync(b => b.Participant.CohortId == cohortId && b.Status == BookingStatus.Held),
        });
        var client = await SignedInAsync(result.TeamEmail, result.Password);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohorts/{cohortId}");
        var csv = await client.GetAsync($"/api/v1/reports/cohorts/{cohortId}/at-risk.csv");

        Assert.Equal(20, report.GetProperty("delegates").GetInt32());
        Assert.Equal(4, report.GetProperty("groups").GetInt32());
        Assert.Equal(expected.Held, report.GetProperty("sessions").GetProperty("held").GetInt32());
        Assert.InRange(report.GetProperty("sessions").GetProperty("attendanceRate").GetDouble(), 0.5, 1);
        Assert.Equal(expected.Tutorials, report.GetProperty("tutorials").GetProperty("held").GetInt32());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Seed_DatabaseWithPeople_RefusesAndAddsNothing()
    {
        await Data.ProgrammeTeamAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(SeedAsync);

        Assert.Equal(0, await App.WithDbAsync(db => db.Cohorts.CountAsync()));
    }
}
