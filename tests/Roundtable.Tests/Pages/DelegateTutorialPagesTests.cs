using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Pages;

// The delegate's tutorial pages: choosing a partner, booking, cancelling and moving a tutorial.
public class DelegateTutorialPagesTests(AppFactory app) : AppTest(app)
{
    private async Task<PartnerProfile> PartnerAsync(string email, string name, SchoolPhase phase = SchoolPhase.Primary, Region region = Region.SouthEast)
    {
        var user = await Data.UserAsync(email, name, [Roles.Partner]);
        return await App.WithDbAsync(async db =>
        {
            var profile = new PartnerProfile { UserId = user.Id, Phase = phase, Region = region, SettingType = SettingType.Academy, HeadshipYears = 9, Specialisms = "Early reading", UpdatedAt = App.Clock.GetUtcNow().UtcDateTime };
            db.PartnerProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile;
        });
    }

    // A slot on a UK date and hour (all of these fall in GMT).
    private Task<int> SlotAsync(PartnerProfile partner, int month, int day, int hour = 16, TutorialMode mode = TutorialMode.Online) =>
        App.WithDbAsync(async db =>
        {
            var slot = new TutorialSlot
            {
                PartnerId = partner.Id, StartsAt = new DateTime(month == 1 ? 2027 : 2026, month, day, hour, 0, 0, DateTimeKind.Utc), Minutes = 60, Mode = mode,
                Where = mode == TutorialMode.Online ? "https://meet.example.org/room" : "Library, Test Primary", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.TutorialSlots.Add(slot);
            await db.SaveChangesAsync();
            return slot.Id;
        });

    private async Task<HttpClient> DelegateAsync(string email = "delegate@test.example", School? school = null)
    {
        var cohort = await App.WithDbAsync(db => db.Cohorts.FirstOrDefaultAsync()) ?? await Data.CohortAsync("NPQH Autumn", start: new DateOnly(2026, 10, 1));
        await Data.DelegateAsync(cohort, email, school);
        return await SignedInAsync(email);
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, int slotId, int project = 1, string focus = "Governors", string summary = "Reading across the school") =>
        client.PostFormAsync($"/Tutorials/Book?slotId={slotId}&project={project}", new() { ["Input.Focus"] = focus, ["Input.ProjectSummary"] = summary });

    [Fact]
    public async Task MyTutorials_ShowsBothWindows_AndAButtonToChooseAPartner()
    {
        var client = await DelegateAsync();

        var page = await client.GetDocumentAsync("/Tutorials");

        Assert.Contains("Recommended window: 1 October 2026 to 1 January 2027", page.Text("#project-1"), StringComparison.Ordinal);
        Assert.Contains("two to three months after tutorial 1", page.Text("#project-2"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/Tutorials/Partners?project=1']"));
    }

    [Fact]
    public async Task Partners_AreRankedByLikeness_WithReasons_AndFilter()
    {
        await PartnerAsync("far@test.example", "Far Head", SchoolPhase.Secondary, Region.London);
        await PartnerAsync("near@test.example", "Near Head");
        var school = await Data.SchoolAsync();
        var client = await DelegateAsync(school: school);

        var page = await client.GetDocumentAsync("/Tutorials/Partners?project=1");
        var filtered = await client.GetDocumentAsync("/Tutorials/Partners?project=1&phase=Secondary");

        var names = page.QuerySelectorAll("#partners .govuk-summary-card__title").Select(h => h.TextContent).ToList();
        Assert.Equal(["Near Head", "Far Head"], names);
        Assert.Contains("Same phase (primary)", page.Text("#partners"), StringComparison.Ordinal);
        Assert.Contains("Test Primary", page.Text("#ranking"), StringComparison.Ordinal);
        Assert.Equal(["Far Head"], filtered.QuerySelectorAll("#partners .govuk-summary-card__title").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Book_FromTheForm_CreatesTheBooking_AndShowsIt()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var client = await DelegateAsync();

        var response = await BookAsync(client, slot);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Your tutorial is booked for 1 December 2026, 4:00pm", page.Text(), StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/room", page.Text("#booking"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href$='/calendar.ics']"));
        var booking = await App.WithDbAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(("Governors", "Reading across the school", BookingStatus.Booked), (booking.Focus, booking.ProjectSummary, booking.Status));
    }

    [Fact]
    public async Task DelegateHome_ShowsTheNextTutorial()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var client = await DelegateAsync();
        Assert.Contains("You have no tutorial booked", (await client.GetDocumentAsync("/Delegate")).Text("#next-tutorial"), StringComparison.Ordinal);

        await BookAsync(client, slot);

        Assert.Contains("Your next tutorial is on 1 December 2026, 4:00pm with Pip Partner", (await client.GetDocumentAsync("/Delegate")).Text("#next-tutorial"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_WithoutFocus_ShowsTheErrorAndKeepsTheSummary()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var client = await DelegateAsync();

        var response = await BookAsync(client, slot, focus: "", summary: "Kept text");

        var page = await Html.ParseAsync(response);
        Assert.Equal(["Say what you would like the tutorial to focus on."], Html.Errors(page));
        Assert.Equal("Kept text", page.QuerySelector("#Input_ProjectSummary")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Book_OutsideTheWindow_WarnsBeforeBooking()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 1, 20);
        var client = await DelegateAsync();

        var page = await client.GetDocumentAsync($"/Tutorials/Book?slotId={slot}&project=1");

        Assert.Contains("20 January 2027 is outside the recommended window for tutorial 1", page.Text(".govuk-warning-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_ATakenSlot_SaysSo()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var first = await DelegateAsync("first@test.example");
        var second = await DelegateAsync("second@test.example");
        var page = await second.GetDocumentAsync($"/Tutorials/Book?slotId={slot}&project=1");
        await BookAsync(first, slot);

        var response = await second.SubmitAsync(page, new() { ["Input.Focus"] = "x", ["Input.ProjectSummary"] = "y" });

        Assert.Equal(["This slot has already been booked. Choose another."], Html.Errors(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task Cancel_IsConfirmedWithAReason_AndFreesTheAllowance()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var client = await DelegateAsync();
        await BookAsync(client, slot);
        var id = await App.WithDbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var noReason = await client.PostFormAsync($"/Tutorials/Cancel/{id}", new() { ["Reason"] = "" });
        Assert.Equal(["Give a reason for cancelling, in 500 characters or fewer."], Html.Errors(await Html.ParseAsync(noReason)));
        var confirm = await client.GetDocumentAsync($"/Tutorials/Cancel/{id}");
        Assert.Null(confirm.QuerySelector("#late"));
        var response = await client.SubmitAsync(confirm, new() { ["Reason"] = "Inspection" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, (await App.WithDbAsync(db => db.Bookings.SingleAsync())).Status);
        var index = await client.GetDocumentAsync("/Tutorials");
        Assert.Contains("Inspection", index.Text("table"), StringComparison.Ordinal);
        Assert.NotNull(index.QuerySelector("a[href='/Tutorials/Partners?project=1']"));
    }

    [Fact]
    public async Task Cancel_WithinNotice_WarnsThatItIsLate()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 11, 24);
        var client = await DelegateAsync();
        await BookAsync(client, slot);
        var id = await App.WithDbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var confirm = await client.GetDocumentAsync($"/Tutorials/Cancel/{id}");
        await client.SubmitAsync(confirm, new() { ["Reason"] = "Unwell" });

        Assert.Contains("less than 48 hours", confirm.Text("#late"), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.LateCancelled, (await App.WithDbAsync(db => db.Bookings.SingleAsync())).Status);
        Assert.Contains("counts as your Project 1 tutorial", (await client.GetDocumentAsync("/Tutorials")).Text("#project-1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reschedule_OffersTheSamePartnersFreeTimes_AndMovesTheBooking()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var first = await SlotAsync(partner, 12, 1);
        var second = await SlotAsync(partner, 12, 8);
        var client = await DelegateAsync();
        await BookAsync(client, first);
        var id = await App.WithDbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var page = await client.GetDocumentAsync($"/Tutorials/Reschedule/{id}");
        var options = page.QuerySelectorAll("input[name=SlotId]").Select(i => i.GetAttribute("value")).ToList();
        var response = await client.SubmitAsync(page, new() { ["SlotId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal([second.ToString(System.Globalization.CultureInfo.InvariantCulture)], options);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(second, (await App.WithDbAsync(db => db.Bookings.SingleAsync())).SlotId);
    }

    [Fact]
    public async Task AnotherDelegatesBooking_IsNotFound_OnEveryPage()
    {
        var partner = await PartnerAsync("partner@test.example", "Pip Partner");
        var slot = await SlotAsync(partner, 12, 1);
        var owner = await DelegateAsync("owner@test.example");
        await BookAsync(owner, slot);
        var id = await App.WithDbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var other = await DelegateAsync("other@test.example");

        foreach (var path in new[] { $"/Tutorials/Booking/{id}", $"/Tutorials/Cancel/{id}", $"/Tutorials/Reschedule/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        }
        var token = Html.Token(await other.GetDocumentAsync("/Tutorials/Partners?project=1"));
        var post = await other.PostAsync($"/Tutorials/Cancel/{id}", new FormUrlEncodedContent([new("Reason", "mine"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(BookingStatus.Booked, (await App.WithDbAsync(db => db.Bookings.SingleAsync())).Status);
    }

    [Fact]
    public async Task NonNpqhDelegate_IsToldTutorialsBelongToNpqh()
    {
        var npqsl = await Data.CohortAsync("NPQSL", "NPQSL");
        await Data.DelegateAsync(npqsl, "senior@test.example");
        var client = await SignedInAsync("senior@test.example");

        Assert.NotNull((await client.GetDocumentAsync("/Tutorials")).QuerySelector("#not-npqh"));
    }
}
