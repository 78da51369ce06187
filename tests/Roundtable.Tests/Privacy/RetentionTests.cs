using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Privacy;

namespace Roundtable.Tests.Privacy;

// Retention with the clock moved. The test cohort starts on 23 July 2026: with the defaults the
// programme ends on 23 January 2028, delegates' records expire on 23 January 2029, assessment
// outcomes on 23 January 2034; the test invoice (1 November 2026) expires on 1 November 2032.
public class RetentionTests(AppFactory app) : AppTest(app)
{
    private async Task<RetentionRun> ApplyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().ApplyAsync();
    }

    private async Task<List<ExpiringRecord>> UpcomingAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().UpcomingAsync();
    }

    private static DateTimeOffset London(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    private Task<string> NameOfAsync(AppUser user) => App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    [Fact]
    public async Task Apply_TheDayBeforeDelegateRecordsExpire_ErasesNobody_AndOnTheDay_ErasesTheDelegate()
    {
        var world = await Data.RichWorldAsync(App);

        App.Clock.Reset(London(2029, 1, 22));
        var early = await ApplyAsync();
        Assert.Equal(0, early.PeopleErased);
        Assert.Equal(PrivacyBuilders.DanaName, await NameOfAsync(world.Dana));

        App.Clock.Reset(London(2029, 1, 23));
        var run = await ApplyAsync();

        Assert.Equal(3, run.PeopleErased);
        Assert.Equal(Erasure.FormerMember, await NameOfAsync(world.Dana));
        Assert.Equal(Erasure.FormerMember, await NameOfAsync(world.Other));
        // The assessed outcome is kept until its own period is over; the invoice for six years.
        await App.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Submissions.CountAsync());
            Assert.Equal(1, await db.Invoices.CountAsync());
            Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "Erased" && a.UserId == null));
        });
        // Run again the next day: nothing more to do.
        App.Clock.Reset(London(2029, 1, 24));
        Assert.Equal(new RetentionRun(0, 0, 0), await ApplyAsync());
    }

    [Fact]
    public async Task Apply_KeepsTheAccountOfADelegateWhoAlsoWorksForTheProvider()
    {
        var cohort = await Data.CohortAsync();
        var both = await Data.UserAsync("both@test.example", "Bo Both", [Roles.Delegate, Roles.Tutor]);
        await App.WithDbAsync(async db =>
        {
            db.Participants.Add(new Participant { UserId = both.Id, CohortId = cohort.Id });
            await db.SaveChangesAsync();
        });

        App.Clock.Reset(London(2030, 1, 1));
        var run = await ApplyAsync();

        Assert.Equal(0, run.PeopleErased);
        Assert.Equal("Bo Both", await NameOfAsync(both));
    }

    [Fact]
    public async Task Apply_DeletesInvoicesAfterSixYears_AndOutcomesAfterTheirPeriod()
    {
        var world = await Data.RichWorldAsync(App);

        App.Clock.Reset(London(2032, 10, 31));
        Assert.Equal(0, (await ApplyAsync()).InvoicesDeleted);
        App.Clock.Reset(London(2032, 11, 1));
        Assert.Equal(1, (await ApplyAsync()).InvoicesDeleted);
        Assert.False(await App.WithDbAsync(db => db.Invoices.AnyAsync()));
        // Bookings the invoice paid for stay (the erased delegates' words already removed).
        Assert.True(await App.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Id == world.OtherBooking.Id)));

        App.Clock.Reset(London(2034, 1, 23));
        Assert.Equal(1, (await ApplyAsync()).OutcomesDeleted);
        Assert.False(await App.WithDbAsync(db => db.Submissions.AnyAsync()));
    }

    [Fact]
    public async Task Apply_UsesTheTeamsSettings()
    {
        var world = await Data.RichWorldAsync(App);
        await App.WithDbAsync(async db =>
        {
            db.RetentionSettings.Add(new RetentionSettings { ProgrammeMonths = 12, DelegateRecordsMonths = 1 });
            await db.SaveChangesAsync();
        });

        App.Clock.Reset(London(2027, 8, 23));

        Assert.Equal(3, (await ApplyAsync()).PeopleErased);
        Assert.Equal(Erasure.FormerMember, await NameOfAsync(world.Dana));
    }

    [Fact]
    public async Task Upcoming_ListsWhatExpiresInTheNext90Days_NotLater()
    {
        await Data.RichWorldAsync(App);

        App.Clock.Reset(London(2028, 10, 20));
        Assert.Empty(await UpcomingAsync());

        App.Clock.Reset(London(2028, 11, 1));
        var upcoming = await UpcomingAsync();

        Assert.Equal(3, upcoming.Count);
        Assert.All(upcoming, r => Assert.Equal(RetentionKind.DelegateRecords, r.Kind));
        Assert.All(upcoming, r => Assert.Equal(new DateOnly(2029, 1, 23), r.ExpiresOn));
        Assert.Contains(upcoming, r => r.Description == PrivacyBuilders.DanaName);
    }

    [Fact]
    public async Task RetentionPage_Team_SeesDefaultsAndReport_SavesValidPeriods_RejectsBadOnes()
    {
        await Data.RichWorldAsync(App);
        App.Clock.Reset(London(2028, 11, 1));
        var team = await SignedInAsync("team@test.example");

        var page = await team.GetDocumentAsync("/Programme/Retention");
        Assert.Equal("18", page.QuerySelector("#Input_ProgrammeMonths")!.GetAttribute("value"));
        Assert.Equal("72", page.QuerySelector("#Input_InvoiceMonths")!.GetAttribute("value"));
        Assert.Contains(PrivacyBuilders.DanaName, page.QuerySelector("#expiring")!.TextContent, StringComparison.Ordinal);

        var bad = await team.PostFormAsync("/Programme/Retention", new() { ["Input.DelegateRecordsMonths"] = "none" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Contains("Enter a whole number of months from 1 to 240", badPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var saved = await team.PostFormAsync("/Programme/Retention", new()
        {
            ["Input.ProgrammeMonths"] = "18", ["Input.DelegateRecordsMonths"] = "24", ["Input.AssessmentOutcomeMonths"] = "72", ["Input.InvoiceMonths"] = "72",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await App.WithDbAsync(db => db.RetentionSettings.SingleAsync());
        Assert.Equal(24, settings.DelegateRecordsMonths);
        Assert.Equal(72, settings.InvoiceMonths);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == "Retention" && a.Action == "Settings changed")));
        // The privacy page reads the new period.
        var privacy = await Anonymous().GetDocumentAsync("/Privacy");
        Assert.Contains("2 years after the end of your programme", privacy.QuerySelector("#keep-delegate-records")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionPage_NotTheTeam_IsRefused()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        var response = await (await SignedInAsync("d@test.example")).GetAsync("/Programme/Retention");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
