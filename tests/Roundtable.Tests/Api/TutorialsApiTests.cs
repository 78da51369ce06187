using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Api;

// The tutorials contract, through HTTP. The test clock stands at Monday 23 November 2026, 10:00 UK.
public class TutorialsApiTests(AppFactory app) : AppTest(app)
{
    private Cohort _cohort = null!;

    // A cohort that started on 1 October 2026: tutorial 1's window runs to 1 January 2027.
    private async Task<Cohort> CohortAsync() => _cohort ??= await Data.CohortAsync("NPQH Autumn", start: new DateOnly(2026, 10, 1));

    private async Task<(AppUser User, HttpClient Client)> PartnerAsync(string email = "partner@test.example", int monthlyCap = 6,
        SchoolPhase? phase = SchoolPhase.Primary, Region? region = Region.SouthEast, SettingType? setting = SettingType.Academy, int? roll = 400, string? name = null)
    {
        var user = await Data.UserAsync(email, name ?? "Pip Partner", [Roles.Partner]);
        await App.WithDbAsync(async db =>
        {
            db.PartnerProfiles.Add(new PartnerProfile
            {
                UserId = user.Id, Phase = phase, Region = region, SettingType = setting, NumberOnRoll = roll, HeadshipYears = 10, MonthlyCap = monthlyCap,
                UpdatedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        return (user, await SignedInAsync(email));
    }

    private async Task<(AppUser User, HttpClient Client)> DelegateAsync(string email = "delegate@test.example", School? school = null, AppUser? tutor = null)
    {
        var user = await Data.DelegateAsync(await CohortAsync(), email, school, tutor);
        return (user, await SignedInAsync(email));
    }

    private static async Task<int> SlotAsync(HttpClient partner, string start, int minutes = 60, string mode = "Online", string where = "https://meet.example.org/pip")
    {
        var response = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start, minutes, mode, where });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, int slotId, int project = 1) =>
        client.PostAsJsonAsync("/api/v1/bookings", new { slotId, project, focus = "Governors first", projectSummary = "Reading fluency across Key Stage 2." });

    private static async Task<int> BookedAsync(HttpClient client, int slotId, int project = 1)
    {
        var response = await BookAsync(client, slotId, project);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private Task<Booking> BookingAsync(int id) => App.WithDbAsync(db => db.Bookings.AsNoTracking().Include(b => b.Feedback).SingleAsync(b => b.Id == id));

    // ---- Directory ----

    [Fact]
    public async Task Partners_Project1_RankedByLikenessToOwnSchool_WithReasons()
    {
        await PartnerAsync("near@test.example", name: "Near Match");
        await PartnerAsync("far@test.example", phase: SchoolPhase.Secondary, region: Region.London, setting: SettingType.Maintained, roll: 1500, name: "Far Match");
        await PartnerAsync("mid@test.example", setting: SettingType.Maintained, region: Region.London, roll: 2000, name: "Phase Only");
        var school = await Data.SchoolAsync(phase: SchoolPhase.Primary, region: Region.SouthEast);
        var (_, client) = await DelegateAsync(school: school);

        var partners = await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=1");

        Assert.Equal(["Near Match", "Phase Only", "Far Match"], partners.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var first = partners[0];
        Assert.Equal(["id", "name", "phase", "settingType", "region", "score", "reasons"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Primary", first.GetProperty("phase").GetString());
        Assert.Equal("SouthEast", first.GetProperty("region").GetString());
        Assert.Equal(8, first.GetProperty("score").GetInt32());
        Assert.Contains("Same region (South East)", first.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, partners[2].GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Partners_Project2_RankedByLikenessToPlacementSchool()
    {
        await PartnerAsync("primary@test.example", name: "Primary Head");
        await PartnerAsync("secondary@test.example", phase: SchoolPhase.Secondary, region: Region.NorthWest, setting: SettingType.Maintained, roll: 900, name: "Secondary Head");
        var own = await Data.SchoolAsync(100001, phase: SchoolPhase.Primary, region: Region.SouthEast);
        await Data.SchoolAsync(100002, "Contrast High", SchoolPhase.Secondary, Region.NorthWest);
        var (user, client) = await DelegateAsync(school: own);
        await Data.Project2Async(user);
        await App.WithDbAsync(db => db.Project2s.ExecuteUpdateAsync(s => s.SetProperty(p => p.PlacementSchoolUrn, 100002)));

        var project1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=1");
        var project2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=2");

        Assert.Equal("Primary Head", project1[0].GetProperty("name").GetString());
        Assert.Equal("Secondary Head", project2[0].GetProperty("name").GetString());
        Assert.Contains("Same phase (secondary)", project2[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Partners_Filters_PhaseAndMode()
    {
        var (_, online) = await PartnerAsync("online@test.example", name: "Online Only");
        var (_, inPerson) = await PartnerAsync("inperson@test.example", phase: SchoolPhase.Secondary, name: "In Person");
        await SlotAsync(online, "2026-12-01T16:00");
        await SlotAsync(inPerson, "2026-12-01T16:00", mode: "InPerson", where: "Room 2");
        var (_, client) = await DelegateAsync();

        var secondary = await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=1&phase=Secondary");
        var inPersonOnly = await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=1&mode=InPerson");

        Assert.Equal(["In Person"], secondary.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["In Person"], inPersonOnly.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/partners")]
    [InlineData("/api/v1/partners?project=3")]
    [InlineData("/api/v1/partners?project=1&phase=Nonsense")]
    public async Task Partners_BadQuery_Returns400(string url)
    {
        var (_, client) = await DelegateAsync();

        await AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Partners_ForNonDelegates_Returns403()
    {
        var (_, partner) = await PartnerAsync();

        await AssertProblemAsync(await partner.GetAsync("/api/v1/partners?project=1"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/partners?project=1")).StatusCode);
    }

    // ---- Slots ----

    [Fact]
    public async Task PostSlot_Returns201_InUkTimeAcrossTheClockChange()
    {
        var (user, partner) = await PartnerAsync();

        var response = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2027-04-01T16:00", minutes = 45, mode = "InPerson", where = "Room 2" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var slot = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-04-01T16:00:00", slot.GetProperty("start").GetString());
        Assert.Equal("2027-04-01T16:45:00", slot.GetProperty("end").GetString());
        Assert.Equal("InPerson", slot.GetProperty("mode").GetString());
        var stored = await App.WithDbAsync(db => db.TutorialSlots.SingleAsync());
        Assert.Equal(new DateTime(2027, 4, 1, 15, 0, 0, DateTimeKind.Utc), stored.StartsAt);
        Assert.Equal(user.Id, slot.GetProperty("partnerId").GetString());
    }

    [Theory]
    [InlineData("2026-12-01T16:30", 60)]
    [InlineData("2026-12-01T15:30", 31)]
    [InlineData("2026-12-01T15:00", 240)]
    public async Task PostSlot_Overlapping_Returns422(string start, int minutes)
    {
        var (_, partner) = await PartnerAsync();
        await SlotAsync(partner, "2026-12-01T16:00");

        var response = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start, minutes = Math.Min(minutes, 180), mode = "Online", where = "https://meet.example.org/x" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("overlaps", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.TutorialSlots.CountAsync()));
    }

    [Fact]
    public async Task PostSlot_AdjacentSlots_AreAllowed_AndAnotherPartnersSlotNeverClashes()
    {
        var (_, partner) = await PartnerAsync();
        var (_, other) = await PartnerAsync("other@test.example");
        await SlotAsync(partner, "2026-12-01T16:00");

        await SlotAsync(partner, "2026-12-01T17:00");
        await SlotAsync(partner, "2026-12-01T15:00");
        await SlotAsync(other, "2026-12-01T16:00");
    }

    [Fact]
    public async Task PostSlot_InThePast_Returns422()
    {
        var (_, partner) = await PartnerAsync();

        await AssertProblemAsync(await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2026-11-23T09:00", minutes = 60, mode = "Online", where = "https://meet.example.org/x" }),
            HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("2027-03-28T01:30", 60, "Online", "https://meet.example.org/x", "start")]
    [InlineData("tomorrow at four", 60, "Online", "https://meet.example.org/x", "start")]
    [InlineData("2026-12-01T16:00", 5, "Online", "https://meet.example.org/x", "minutes")]
    [InlineData("2026-12-01T16:00", 600, "Online", "https://meet.example.org/x", "minutes")]
    [InlineData("2026-12-01T16:00", 60, "Telepathy", "https://meet.example.org/x", "mode")]
    [InlineData("2026-12-01T16:00", 60, "Online", "http://insecure.example.org", "where")]
    [InlineData("2026-12-01T16:00", 60, "InPerson", "", "where")]
    public async Task PostSlot_Invalid_Returns400NamingTheField(string start, int minutes, string mode, string where, string field)
    {
        var (_, partner) = await PartnerAsync();

        var response = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start, minutes, mode, where });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [problem.GetProperty("field").GetString()!];
        Assert.Contains(field, named);
        Assert.Equal(0, await App.WithDbAsync(db => db.TutorialSlots.CountAsync()));
    }

    [Fact]
    public async Task PostSlot_ForADelegate_Returns403()
    {
        var (_, client) = await DelegateAsync();

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2026-12-01T16:00", minutes = 60, mode = "Online", where = "https://x.example" }),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetSlots_ListsOnlyFreeFutureSlots_InTheRange()
    {
        var (partnerUser, partner) = await PartnerAsync();
        var booked = await SlotAsync(partner, "2026-12-01T16:00");
        var free = await SlotAsync(partner, "2026-12-02T16:00", mode: "InPerson", where: "Room 2");
        var withdrawn = await SlotAsync(partner, "2026-12-03T16:00");
        var later = await SlotAsync(partner, "2027-01-05T16:00");
        var (_, client) = await DelegateAsync();
        await BookedAsync(client, booked);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/v1/partners/me/slots/{withdrawn}/withdraw", new { reason = "Governors' meeting" })).StatusCode);

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{partnerUser.Id}/slots");
        var december = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{partnerUser.Id}/slots?from=2026-12-01&to=2026-12-31");

        Assert.Equal([free, later], all.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal([free], december.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal("Room 2", december[0].GetProperty("where").GetString());
    }

    [Fact]
    public async Task GetSlots_UnknownPartner_Returns404_BadDates400()
    {
        var (_, client) = await DelegateAsync();
        var (partnerUser, _) = await PartnerAsync();

        await AssertProblemAsync(await client.GetAsync("/api/v1/partners/not-a-partner/slots"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/partners/{partnerUser.Id}/slots?from=2026-13-01"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/partners/{partnerUser.Id}/slots?from=2026-12-10&to=2026-12-01"), HttpStatusCode.BadRequest);
    }

    // ---- Booking ----

    [Fact]
    public async Task PostBooking_Returns201_WithTheBooking_AndNoWarningInsideTheWindow()
    {
        var (partnerUser, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (delegateUser, client) = await DelegateAsync();

        var response = await BookAsync(client, slot);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(slot, booking.GetProperty("slotId").GetInt32());
        Assert.Equal(partnerUser.Id, booking.GetProperty("partnerId").GetString());
        Assert.Equal(delegateUser.Id, booking.GetProperty("delegateId").GetString());
        Assert.Equal(1, booking.GetProperty("project").GetInt32());
        Assert.Equal("2026-12-01T16:00:00", booking.GetProperty("start").GetString());
        Assert.Equal("Booked", booking.GetProperty("status").GetString());
        Assert.Empty(booking.GetProperty("warnings").EnumerateArray());
        Assert.Equal($"/api/v1/bookings/{booking.GetProperty("id").GetInt32()}", response.Headers.Location!.OriginalString);
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Subject == "Booking"));
        Assert.Equal(("Booking", "Booked", delegateUser.Id), (audit.Subject, audit.Action, audit.UserId));
        var mail = await App.Smtp.WaitForMessageToAsync("partner@test.example");
        Assert.Contains("Governors first", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 December 2026, 4:00pm", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBooking_OutsideTheWindow_WarnsAndFlags_ButBooks()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2027-02-01T16:00");
        var (_, client) = await DelegateAsync();

        var response = await BookAsync(client, slot);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("outside the recommended window for tutorial 1 (1 October 2026 to 1 January 2027)", warning, StringComparison.Ordinal);
        Assert.True((await App.WithDbAsync(db => db.Bookings.SingleAsync())).OutsideWindow);
    }

    [Fact]
    public async Task PostBooking_Project2WithoutPlacement_PointsToTheTutor()
    {
        var tutor = await Data.TutorAsync();
        var (_, partner) = await PartnerAsync();
        var slot1 = await SlotAsync(partner, "2026-12-01T16:00");
        var slot2 = await SlotAsync(partner, "2027-02-15T16:00");
        var (_, client) = await DelegateAsync(tutor: tutor);
        await BookedAsync(client, slot1);

        var response = await BookAsync(client, slot2, project: 2);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("no placement school recorded", warning, StringComparison.Ordinal);
        Assert.Contains("Tia Tutor (tutor@test.example)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBooking_SlotTaken_Returns409()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (_, first) = await DelegateAsync("first@test.example");
        var (_, second) = await DelegateAsync("second@test.example");
        await BookedAsync(first, slot);

        await AssertProblemAsync(await BookAsync(second, slot), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostBooking_AllowanceUsed_Returns422_ButTheOtherProjectIsFree()
    {
        var (_, partner) = await PartnerAsync();
        var slots = new[] { await SlotAsync(partner, "2026-12-01T16:00"), await SlotAsync(partner, "2026-12-02T16:00"), await SlotAsync(partner, "2027-02-02T16:00") };
        var (_, client) = await DelegateAsync();
        await BookedAsync(client, slots[0]);

        var problem = await AssertProblemAsync(await BookAsync(client, slots[1]), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already have a tutorial for Project 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, slots[2], project: 2)).StatusCode);
    }

    [Fact]
    public async Task PostBooking_MonthlyCapReached_Returns422_AnotherMonthIsFine()
    {
        var (_, partner) = await PartnerAsync(monthlyCap: 1);
        var december1 = await SlotAsync(partner, "2026-12-01T16:00");
        var december2 = await SlotAsync(partner, "2026-12-31T16:00");
        var november = await SlotAsync(partner, "2026-11-30T16:00");
        var (_, first) = await DelegateAsync("first@test.example");
        var (_, second) = await DelegateAsync("second@test.example");
        var (_, third) = await DelegateAsync("third@test.example");
        await BookedAsync(first, december1);

        var problem = await AssertProblemAsync(await BookAsync(second, december2), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("at most 1 tutorials a month and December 2026 is full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(third, november)).StatusCode);
    }

    [Theory]
    [InlineData("{}", "slotId")]
    [InlineData("{\"slotId\": 1}", "project")]
    public async Task PostBooking_MissingFields_Returns400(string body, string field)
    {
        var (_, client) = await DelegateAsync();

        var response = await client.PostAsync("/api/v1/bookings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PostBooking_NoFocusOrSummary_Returns400_AndNothingIsSaved()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (_, client) = await DelegateAsync();

        var response = await client.PostAsJsonAsync("/api/v1/bookings", new { slotId = slot, project = 1, focus = " ", projectSummary = "x" });
        var noSummary = await client.PostAsJsonAsync("/api/v1/bookings", new { slotId = slot, project = 1, focus = "x", projectSummary = "" });

        Assert.Equal("focus", (await AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("projectSummary", (await AssertProblemAsync(noSummary, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal(0, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task PostBooking_UnknownOrPastSlot_Refused_AndPartnersCannotBook()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();

        await AssertProblemAsync(await BookAsync(client, 9999), HttpStatusCode.NotFound);
        App.Clock.Advance(TimeSpan.FromHours(2));
        await AssertProblemAsync(await BookAsync(client, slot), HttpStatusCode.UnprocessableEntity);
        await AssertProblemAsync(await BookAsync(partner, slot), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostBooking_DelegateOfAnotherProgramme_Returns422()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var npqsl = await Data.CohortAsync("NPQSL Autumn", "NPQSL");
        await Data.DelegateAsync(npqsl, "senior@test.example");
        var client = await SignedInAsync("senior@test.example");

        await AssertProblemAsync(await BookAsync(client, slot), HttpStatusCode.UnprocessableEntity);
    }

    // ---- Cancelling ----

    [Fact]
    public async Task Cancel_WithNotice_FreesTheAllowanceAndTheSlot()
    {
        var (partnerUser, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var other = await SlotAsync(partner, "2026-12-02T16:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        await App.Smtp.WaitForMessageToAsync("partner@test.example");
        App.Smtp.Clear();

        var response = await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Ofsted arrived" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, other)).StatusCode);
        var free = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{partnerUser.Id}/slots");
        Assert.Contains(slot, free.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        var mail = await App.Smtp.WaitForMessageToAsync("partner@test.example");
        Assert.Contains("Ofsted arrived", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithinTheNoticePeriod_IsLate_AndKeepsTheAllowanceUntilTheTeamRestoresIt()
    {
        var (_, partner) = await PartnerAsync();
        var soon = await SlotAsync(partner, "2026-11-24T16:00");
        var later = await SlotAsync(partner, "2026-12-08T16:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, soon);

        var cancelled = await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Unwell" });
        Assert.Equal("LateCancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var refused = await AssertProblemAsync(await BookAsync(client, later), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cancelled late", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var team = await Data.ProgrammeTeamAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var bookings = scope.ServiceProvider.GetRequiredService<TutorialBookings>();
            Assert.True((await bookings.RestoreAllowanceAsync(id, team.Id)).Succeeded);
            Assert.Equal(Roundtable.Web.Infrastructure.FailureKind.Conflict, (await bookings.RestoreAllowanceAsync(id, team.Id)).Failure?.Kind);
        }
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, later)).StatusCode);
    }


    [Fact]
    public async Task Cancel_ByThePartner_FreesTheAllowance_WithdrawsTheSlot_AndTellsTheDelegate()
    {
        var (_, partner) = await PartnerAsync();
        var soon = await SlotAsync(partner, "2026-11-24T16:00");
        var later = await SlotAsync(partner, "2026-12-08T16:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, soon);

        var response = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Called to a meeting at the local authority" });

        Assert.Equal("Cancelled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, later)).StatusCode);
        Assert.NotNull((await App.WithDbAsync(db => db.TutorialSlots.SingleAsync(s => s.Id == soon))).WithdrawnAt);
        var mail = await App.Smtp.WaitForMessageToAsync("delegate@test.example");
        Assert.Contains("does not use your allowance", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesBooking_Returns404_AndNoReasonReturns400()
    {
        var (_, partner) = await PartnerAsync();
        var (_, otherPartner) = await PartnerAsync("other@test.example");
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (_, client) = await DelegateAsync();
        var (_, otherDelegate) = await DelegateAsync("other.delegate@test.example");
        var id = await BookedAsync(client, slot);

        await AssertProblemAsync(await otherDelegate.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Mine now" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await otherPartner.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Mine now" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(BookingStatus.Booked, (await BookingAsync(id)).Status);
    }

    [Fact]
    public async Task Cancel_Twice_Returns409()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Clash" });

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Clash" }), HttpStatusCode.Conflict);
    }

    // ---- Rescheduling ----

    [Fact]
    public async Task Reschedule_MovesTheBookingInOneStep_AndFreesTheOldSlot()
    {
        var (partnerUser, partner) = await PartnerAsync();
        var first = await SlotAsync(partner, "2026-12-01T16:00");
        var second = await SlotAsync(partner, "2026-12-03T10:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, first);

        var response = await client.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = second });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((id, second, "2026-12-03T10:00:00"), (moved.GetProperty("id").GetInt32(), moved.GetProperty("slotId").GetInt32(), moved.GetProperty("start").GetString()));
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine");
        Assert.Equal(second, Assert.Single(mine.EnumerateArray()).GetProperty("slotId").GetInt32());
        var free = await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{partnerUser.Id}/slots");
        Assert.Equal([first], free.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Reschedule_ToATakenSlot_Returns409_AndLeavesTheBookingWhereItWas()
    {
        var (_, partner) = await PartnerAsync();
        var mine = await SlotAsync(partner, "2026-12-01T16:00");
        var theirs = await SlotAsync(partner, "2026-12-03T10:00");
        var (_, client) = await DelegateAsync();
        var (_, other) = await DelegateAsync("other@test.example");
        var id = await BookedAsync(client, mine);
        await BookedAsync(other, theirs);

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = theirs }), HttpStatusCode.Conflict);

        var booking = await BookingAsync(id);
        Assert.Equal((mine, BookingStatus.Booked, (int?)mine), (booking.SlotId, booking.Status, booking.ActiveSlotId));
    }

    [Fact]
    public async Task Reschedule_TwoDelegatesRacingForOneSlot_OneMoves_TheOtherKeepsTheirs()
    {
        var (_, partner) = await PartnerAsync();
        var a = await SlotAsync(partner, "2026-12-01T16:00");
        var b = await SlotAsync(partner, "2026-12-02T16:00");
        var target = await SlotAsync(partner, "2026-12-03T16:00");
        var (_, first) = await DelegateAsync("first@test.example");
        var (_, second) = await DelegateAsync("second@test.example");
        var firstId = await BookedAsync(first, a);
        var secondId = await BookedAsync(second, b);

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/bookings/{firstId}/reschedule", new { slotId = target }),
            second.PostAsJsonAsync($"/api/v1/bookings/{secondId}/reschedule", new { slotId = target }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var bookings = await App.WithDbAsync(db => db.Bookings.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Assert.All(bookings, x => Assert.Equal(BookingStatus.Booked, x.Status));
        Assert.Equal(1, bookings.Count(x => x.SlotId == target));
        Assert.Equal(2, bookings.Select(x => x.SlotId).Distinct().Count());
    }

    [Fact]
    public async Task Reschedule_WithinTheNoticePeriod_Returns422_AndTheTutorialStays()
    {
        var (_, partner) = await PartnerAsync();
        var soon = await SlotAsync(partner, "2026-11-24T09:00");
        var later = await SlotAsync(partner, "2026-12-03T10:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, soon);

        var problem = await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = later }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("less than 48 hours away", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(soon, (await BookingAsync(id)).SlotId);
    }

    [Fact]
    public async Task Tutorial2Flag_FollowsTutorial1_WhenItIsBookedMovedOrCancelled()
    {
        var (_, partner) = await PartnerAsync(monthlyCap: 60);
        var tutorial2 = await SlotAsync(partner, "2027-02-15T16:00");
        var december = await SlotAsync(partner, "2026-12-01T16:00");
        var lateDecember = await SlotAsync(partner, "2026-12-20T16:00");
        var (_, client) = await DelegateAsync();
        var t2 = await BookedAsync(client, tutorial2, project: 2);
        Assert.True((await BookingAsync(t2)).OutsideWindow);

        var t1 = await BookedAsync(client, december);
        Assert.False((await BookingAsync(t2)).OutsideWindow);

        await client.PostAsJsonAsync($"/api/v1/bookings/{t1}/reschedule", new { slotId = lateDecember });
        Assert.True((await BookingAsync(t2)).OutsideWindow);

        await client.PostAsJsonAsync($"/api/v1/bookings/{t1}/cancel", new { reason = "Changed school" });
        Assert.True((await BookingAsync(t2)).OutsideWindow);
    }

    [Fact]
    public async Task PostSlot_WithAnOffset_InTheRepeatedAutumnHour_KeepsTheExactInstant()
    {
        var (_, partner) = await PartnerAsync();

        var gmt = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2027-10-31T01:30:00Z", minutes = 30, mode = "Online", where = "https://meet.example.org/x" });
        var bst = await partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2027-10-31T00:30:00Z", minutes = 30, mode = "Online", where = "https://meet.example.org/x" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (gmt.StatusCode, bst.StatusCode));
        var stored = await App.WithDbAsync(db => db.TutorialSlots.OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync());
        Assert.Equal([new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc)], stored);
    }

    // ---- Calendar and lists ----

    [Fact]
    public async Task Calendar_ForTheDelegateAndThePartner_IsICalendarInLondonTime_OthersGet404()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2027-04-06T09:30");
        var (_, client) = await DelegateAsync();
        var (_, other) = await DelegateAsync("other@test.example");
        var id = await BookedAsync(client, slot);

        var response = await client.GetAsync($"/api/v1/bookings/{id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;TZID=Europe/London:20270406T093000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London", ics, StringComparison.Ordinal);
        Assert.Contains("with Pip Partner", ics, StringComparison.Ordinal);
        Assert.Contains("with Person", await partner.GetStringAsync($"/api/v1/bookings/{id}/calendar.ics"), StringComparison.Ordinal);
        await AssertProblemAsync(await other.GetAsync($"/api/v1/bookings/{id}/calendar.ics"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mine_ShowsOnlyYourOwnBookings_AsDelegateOrPartner()
    {
        var (partnerUser, partner) = await PartnerAsync();
        var (_, otherPartner) = await PartnerAsync("other.partner@test.example");
        var s1 = await SlotAsync(partner, "2026-12-01T16:00");
        var s2 = await SlotAsync(partner, "2026-12-02T16:00");
        var s3 = await SlotAsync(otherPartner, "2026-12-03T16:00");
        var (me, client) = await DelegateAsync();
        var (_, other) = await DelegateAsync("other@test.example");
        var mineId = await BookedAsync(client, s1);
        var theirsId = await BookedAsync(other, s2);
        await BookedAsync(other, s3, project: 2);

        var delegateView = await client.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine");
        var partnerView = await partner.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine");

        var only = Assert.Single(delegateView.EnumerateArray());
        Assert.Equal(["id", "slotId", "partnerId", "delegateId", "project", "start", "status"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal((mineId, me.Id, partnerUser.Id, "Booked"), (only.GetProperty("id").GetInt32(), only.GetProperty("delegateId").GetString(), only.GetProperty("partnerId").GetString(), only.GetProperty("status").GetString()));
        Assert.Equal([mineId, theirsId], partnerView.EnumerateArray().Select(b => b.GetProperty("id").GetInt32()));
    }

    // ---- Feedback ----

    [Fact]
    public async Task Feedback_BeforeTheTutorialStarts_Returns422()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);

        var problem = await AssertProblemAsync(await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Good", referral = (object?)null }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Record feedback once it has started", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_Held_Returns201_ThenASecondTimeReturns422()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));

        var response = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Talked through the SMART target.", referral = (object?)null });
        var again = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = false, notes = "", referral = (object?)null });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity);
        var booking = await BookingAsync(id);
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.Equal("Talked through the SMART target.", booking.Feedback!.Notes);
        Assert.Equal("Held", Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine")).EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Feedback_NoShow_WithReferral_ReachesTheTutorByEmail()
    {
        var tutor = await Data.TutorAsync();
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync(tutor: tutor);
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));

        var response = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = false, notes = "", referral = new { reason = "Has no placement yet" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(BookingStatus.NoShow, (await BookingAsync(id)).Status);
        var referral = await App.WithDbAsync(db => db.Referrals.SingleAsync());
        Assert.Equal((tutor.Id, "Has no placement yet"), (referral.TutorId, referral.Reason));
        var mail = await App.Smtp.WaitForMessageToAsync("tutor@test.example");
        Assert.Contains("Has no placement yet", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/Tutor", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ReferralForADelegateWithoutATutor_ReachesTheProgrammeTeam()
    {
        await Data.ProgrammeTeamAsync();
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));

        var response = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Fine", referral = new { reason = "No placement yet" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = await App.Smtp.WaitForMessageToAsync("team@test.example");
        Assert.Contains("no tutor is assigned", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Programme/Tutorials/Booking/{id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referrals_ReachOnlyTheDelegatesTutor_WhoMarksThemDealtWith()
    {
        var tutor = await Data.TutorAsync();
        await Data.TutorAsync("other.tutor@test.example");
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (delegateUser, client) = await DelegateAsync(tutor: tutor);
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));
        await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Fine", referral = new { reason = "Unsure of the word limit" } });
        var tutorClient = await SignedInAsync("tutor@test.example");
        var otherTutor = await SignedInAsync("other.tutor@test.example");

        var mine = await tutorClient.GetFromJsonAsync<JsonElement>("/api/v1/referrals/mine");
        var referral = Assert.Single(mine.EnumerateArray());
        var referralId = referral.GetProperty("id").GetInt32();
        Assert.Equal((id, delegateUser.Id, "Unsure of the word limit"), (referral.GetProperty("bookingId").GetInt32(), referral.GetProperty("delegateId").GetString(), referral.GetProperty("reason").GetString()));
        Assert.Empty((await otherTutor.GetFromJsonAsync<JsonElement>("/api/v1/referrals/mine")).EnumerateArray());
        await AssertProblemAsync(await otherTutor.PostAsync($"/api/v1/referrals/{referralId}/dealt-with", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await partner.PostAsync($"/api/v1/referrals/{referralId}/dealt-with", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await tutorClient.PostAsync($"/api/v1/referrals/{referralId}/dealt-with", null)).StatusCode);
        var after = Assert.Single((await tutorClient.GetFromJsonAsync<JsonElement>("/api/v1/referrals/mine")).EnumerateArray());
        Assert.Equal("2026-11-23T12:00:00", after.GetProperty("dealtWithAt").GetString());
    }

    [Fact]
    public async Task Feedback_OnAnotherPartnersBooking_Returns404_AndDelegatesGet403()
    {
        var (_, partner) = await PartnerAsync();
        var (_, otherPartner) = await PartnerAsync("other@test.example");
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));

        await AssertProblemAsync(await otherPartner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Hijack" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Self-review" }), HttpStatusCode.Forbidden);
        Assert.Null((await BookingAsync(id)).Feedback);
    }

    [Fact]
    public async Task Feedback_Invalid_Returns400()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-11-23T11:00");
        var (_, client) = await DelegateAsync();
        var id = await BookedAsync(client, slot);
        App.Clock.Advance(TimeSpan.FromHours(2));

        await AssertProblemAsync(await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { notes = "No held" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/feedback", new { held = true, notes = "Fine", referral = new { reason = "" } }), HttpStatusCode.BadRequest);
        Assert.Null((await BookingAsync(id)).Feedback);
    }

    // ---- Concurrency: the unique indexes and the partner lock on both databases ----

    [Fact]
    public async Task Concurrency_HundredDelegatesBookOneSlot_ExactlyOneBooking_And99Conflicts()
    {
        var (_, partner) = await PartnerAsync(monthlyCap: 60);
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var cohort = await CohortAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 100; i++)
        {
            await Data.DelegateAsync(cohort, $"d{i}@test.example");
            clients.Add(await SignedInAsync($"d{i}@test.example"));
        }

        var responses = await Task.WhenAll(clients.Select(c => BookAsync(c, slot)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Concurrency_OneDelegateSendsTwentyBookingsForOneProject_ExactlyOne()
    {
        var (_, partner) = await PartnerAsync(monthlyCap: 60);
        var (_, otherPartner) = await PartnerAsync("other@test.example", monthlyCap: 60);
        var slots = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            slots.Add(await SlotAsync(partner, $"2026-12-{i + 1:00}T16:00"));
            slots.Add(await SlotAsync(otherPartner, $"2026-12-{i + 1:00}T16:00"));
        }
        var (_, client) = await DelegateAsync();

        var responses = await Task.WhenAll(slots.Select(s => BookAsync(client, s)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Concurrency_OneDelegateSendsTwentyBookingsOfOneSlot_ExactlyOne_NoServerErrors()
    {
        var (_, partner) = await PartnerAsync();
        var slot = await SlotAsync(partner, "2026-12-01T16:00");
        var (_, client) = await DelegateAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => BookAsync(client, slot)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Concurrency_PartnerPublishesTheSameSlotTwiceAtOnce_OneSlot()
    {
        var (_, partner) = await PartnerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            partner.PostAsJsonAsync("/api/v1/partners/me/slots", new { start = "2026-12-01T16:00", minutes = 60, mode = "Online", where = "https://meet.example.org/x" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.TutorialSlots.CountAsync()));
    }

    [Fact]
    public async Task Concurrency_MonthlyCapHoldsWhenManyBookDifferentSlotsAtOnce()
    {
        var (_, partner) = await PartnerAsync(monthlyCap: 3);
        var cohort = await CohortAsync();
        var slots = new List<int>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            slots.Add(await SlotAsync(partner, $"2026-12-{i + 1:00}T16:00"));
            await Data.DelegateAsync(cohort, $"d{i}@test.example");
            clients.Add(await SignedInAsync($"d{i}@test.example"));
        }

        var responses = await Task.WhenAll(clients.Select((c, i) => BookAsync(c, slots[i])));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(3, await App.WithDbAsync(db => db.Bookings.CountAsync()));
    }
}
