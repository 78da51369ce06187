using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Pages;

public class TutorialPagesTests(AppFactory app) : AppTest(app)
{
    private sealed record Scene(AppUser Tutor, Cohort Cohort, AppUser Delegate, AppUser Partner, PartnerProfile Profile);

    private async Task<Scene> SceneAsync()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var delegateUser = await Data.DelegateAsync(cohort, "dana@test.example", tutor: tutor, name: "Dana Delegate");
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        return new Scene(tutor, cohort, delegateUser, partner, profile);
    }

    private static string Flash(AngleSharp.Dom.IDocument page) => page.Text(".govuk-notification-banner");

    [Fact]
    public async Task TutorialAndFeedbackPages_AreForTheBookingsPartnerOnly()
    {
        var s = await SceneAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromHours(-2)), s.Delegate);
        var other = await Data.PartnerAsync("other@test.example");
        await App.PartnerProfileAsync(other);
        var mine = await SignedInAsync("partner@test.example");
        var theirs = await SignedInAsync("other@test.example");

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/Partner/Tutorial/{booking.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/Partner/Feedback/{booking.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/Partner/Tutorial/{booking.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/Partner/Feedback/{booking.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/Partner/Withdraw/{booking.SlotId}")).StatusCode);
        Assert.DoesNotContain("Dana Delegate", (await theirs.GetDocumentAsync("/Partner")).Text(), StringComparison.Ordinal);

        var token = Html.Token(await theirs.GetDocumentAsync("/Partner/Profile"));
        var post = await theirs.PostAsync($"/Partner/Feedback/{booking.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Held"] = "true", ["Input.Notes"] = "Sneaky",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.TutorialFeedback.CountAsync()));

        // The delegate may see their booking elsewhere, but never through the partner's pages.
        var delegateClient = await SignedInAsync("dana@test.example");
        Assert.Equal(HttpStatusCode.Redirect, (await delegateClient.GetAsync($"/Partner/Tutorial/{booking.Id}")).StatusCode);
    }

    [Fact]
    public async Task PartnerHome_ListsUpcomingAwaitingFeedbackAndPast()
    {
        var s = await SceneAsync();
        var second = await Data.DelegateAsync(s.Cohort, "sam@test.example", name: "Sam Second");
        var third = await Data.DelegateAsync(s.Cohort, "tess@test.example", name: "Tess Third");
        var upcoming = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(3)), s.Delegate);
        var awaiting = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(-1)), second);
        var held = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(-5)), third);
        await App.FeedbackAsync(held);
        var client = await SignedInAsync("partner@test.example");

        var page = await client.GetDocumentAsync("/Partner");

        Assert.NotNull(page.QuerySelector($"a[href='/Partner/Tutorial/{upcoming.Id}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Partner/Feedback/{awaiting.Id}']"));
        Assert.Contains("Tess Third", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Held", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerHome_WithNothingBooked_SaysSo()
    {
        await Data.PartnerAsync();
        var client = await SignedInAsync("partner@test.example");

        var text = (await client.GetDocumentAsync("/Partner")).Text();

        Assert.Contains("You have no tutorials booked yet", text, StringComparison.Ordinal);
        Assert.Contains("No tutorials are waiting for your feedback", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TutorialPage_Project2_ShowsFocusPlacementAndTheTutorial2Guide()
    {
        var s = await SceneAsync();
        await Data.Project2Async(s.Delegate);
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(2)), s.Delegate, project: 2, focus: "Being a guest leader");
        var client = await SignedInAsync("partner@test.example");

        var text = (await client.GetDocumentAsync($"/Partner/Tutorial/{booking.Id}")).Text();

        Assert.Contains("Being a guest leader", text, StringComparison.Ordinal);
        Assert.Contains("dana@test.example", text, StringComparison.Ordinal);
        Assert.Contains("Contrast Primary", text, StringComparison.Ordinal);
        Assert.Contains(CoachingGuide.FocusReminder, text, StringComparison.Ordinal);
        Assert.Contains(CoachingGuide.Tutorial2[^1], text, StringComparison.Ordinal);
        Assert.Contains("risk, resourcing and increasing capacity", text, StringComparison.Ordinal);
        Assert.Contains("Risk, resourcing and increasing capacity:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CoachingGuide.Tutorial1[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TutorialPage_Project2WithoutPlacement_SaysNotRecordedYet()
    {
        var s = await SceneAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(2)), s.Delegate, project: 2);
        var client = await SignedInAsync("partner@test.example");

        Assert.Contains("Not recorded yet", (await client.GetDocumentAsync($"/Partner/Tutorial/{booking.Id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TutorialPage_PartnerCancels_WithAReason()
    {
        var s = await SceneAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(2)), s.Delegate);
        var client = await SignedInAsync("partner@test.example");
        var url = $"/Partner/Tutorial/{booking.Id}";

        var empty = await client.PostFormAsync(url, new() { ["Reason"] = "" });
        Assert.Contains(Html.Errors(await Html.ParseAsync(empty)), e => e.StartsWith("Give a reason for cancelling", StringComparison.Ordinal));

        var response = await client.PostFormAsync(url, new() { ["Reason"] = "I am unwell" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.Status).SingleAsync()));
        var mail = await App.Smtp.WaitForMessageToAsync("dana@test.example");
        Assert.Contains("I am unwell", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ExplainsBadValues_AndSavesGoodOnes()
    {
        await Data.PartnerAsync();
        var client = await SignedInAsync("partner@test.example");

        var bad = await client.PostFormAsync("/Partner/Profile", new()
        {
            ["Input.HeadshipYears"] = "ten", ["Input.MonthlyCap"] = "0", ["Input.NumberOnRoll"] = "-5", ["Input.Biography"] = new string('x', PartnerProfile.BiographyMaxLength + 1),
        });
        var errors = Html.Errors(await Html.ParseAsync(bad));
        Assert.Contains("Years of headship must be a whole number from 0 to 60", errors);
        Assert.Contains("The most tutorials a month must be a whole number from 1 to 60", errors);
        Assert.Contains("Number on roll must be a whole number from 1 to 10,000", errors);
        Assert.Contains("Biography must be 2000 characters or fewer", errors);

        var good = await client.PostFormAsync("/Partner/Profile", new()
        {
            ["Input.HeadshipYears"] = "12", ["Input.Phase"] = "Secondary", ["Input.SettingType"] = "Academy", ["Input.Region"] = "NorthEast",
            ["Input.NumberOnRoll"] = "1,100", ["Input.Specialisms"] = "Curriculum", ["Input.Biography"] = "Led two academies.", ["Input.MonthlyCap"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var profile = await App.WithDbAsync(db => db.PartnerProfiles.SingleAsync());
        Assert.Equal((12, SchoolPhase.Secondary, Region.NorthEast, 1100, 4), (profile.HeadshipYears, profile.Phase!.Value, profile.Region!.Value, profile.NumberOnRoll!.Value, profile.MonthlyCap));
    }

    private static Dictionary<string, string> SlotForm(string day, string month, string year, string time, string where = "https://meet.example.org/me", string mode = "Online", string minutes = "60") => new()
    {
        ["Input.Date.Day"] = day, ["Input.Date.Month"] = month, ["Input.Date.Year"] = year, ["Input.Time"] = time, ["Input.Minutes"] = minutes,
        ["Input.Mode"] = mode, ["Input.Where"] = where,
    };

    [Fact]
    public async Task Slots_AddAValidSlot_IsListedAsFree()
    {
        await Data.PartnerAsync();
        var client = await SignedInAsync("partner@test.example");

        var response = await client.PostFormAsync("/Partner/Slots", SlotForm("1", "12", "2026", "16:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Partner/Slots");
        Assert.Contains("Published a slot on 1 December 2026, 4:00pm", Flash(page), StringComparison.Ordinal);
        Assert.Contains("Free", page.Text("table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slots_InTheHourTheClocksGoForward_IsRefusedOnTheTime()
    {
        await Data.PartnerAsync();
        var client = await SignedInAsync("partner@test.example");

        var response = await client.PostFormAsync("/Partner/Slots", SlotForm("28", "3", "2027", "01:30"));

        var page = await Html.ParseAsync(response);
        Assert.Contains("That time does not exist in the UK: the clocks go forward then. Choose another time.", Html.Errors(page));
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input_Time']"));
        Assert.Equal(0, await App.WithDbAsync(db => db.TutorialSlots.CountAsync()));
    }

    [Fact]
    public async Task Slots_Overlapping_AndBadFields_AreRefused()
    {
        var s = await SceneAsync();
        // 1 December 2026, 16:00 UK (GMT).
        await App.SlotAsync(s.Profile, new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc) - App.Clock.GetUtcNow().UtcDateTime);
        var client = await SignedInAsync("partner@test.example");

        var overlap = await Html.ParseAsync(await client.PostFormAsync("/Partner/Slots", SlotForm("1", "12", "2026", "16:30")));
        Assert.Contains(Html.Errors(overlap), e => e.StartsWith("This overlaps your slot on 1 December 2026, 4:00pm", StringComparison.Ordinal));
        Assert.NotNull(overlap.QuerySelector(".govuk-error-summary a[href='#Input_Date']"));

        var badLink = await Html.ParseAsync(await client.PostFormAsync("/Partner/Slots", SlotForm("2", "12", "2026", "16:00", where: "zoom")));
        Assert.Contains("Enter the meeting link, starting with https://", Html.Errors(badLink));

        var badLength = await Html.ParseAsync(await client.PostFormAsync("/Partner/Slots", SlotForm("2", "12", "2026", "16:00", minutes: "500")));
        Assert.Contains("Length must be between 15 and 180 minutes.", Html.Errors(badLength));

        var badDate = await Html.ParseAsync(await client.PostFormAsync("/Partner/Slots", SlotForm("31", "2", "2027", "4pm")));
        Assert.Contains("The date must be a real date, like 1 9 2026", Html.Errors(badDate));
        Assert.Contains("Enter the start time as hours and minutes, like 16:00", Html.Errors(badDate));
        Assert.Equal(1, await App.WithDbAsync(db => db.TutorialSlots.CountAsync()));
    }

    [Fact]
    public async Task Withdraw_BookedSlot_CancelsTheBookingAndTellsTheDelegate()
    {
        var s = await SceneAsync();
        var slot = await App.SlotAsync(s.Profile, TimeSpan.FromDays(4));
        var booking = await App.BookingAsync(slot, s.Delegate);
        var client = await SignedInAsync("partner@test.example");
        var url = $"/Partner/Withdraw/{slot.Id}";

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("Dana Delegate has booked this slot", page.Text(), StringComparison.Ordinal);
        Assert.Contains("allowance", page.Text(".govuk-warning-text"), StringComparison.Ordinal);

        var response = await client.PostFormAsync(url, new() { ["Reason"] = "Governors' meeting moved" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await App.WithDbAsync(db => db.Bookings.Include(b => b.Slot).SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(BookingStatus.Cancelled, after.Status);
        Assert.NotNull(after.Slot.WithdrawnAt);
        Assert.Null(after.AllowanceProject);
        var mail = await App.Smtp.WaitForMessageToAsync("dana@test.example");
        Assert.Contains("Governors' meeting moved", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Withdrawn", (await client.GetDocumentAsync("/Partner/Slots")).Text("table"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Feedback_WithReferral_ReachesTheTutor_WhoMarksItDealtWith_AndNoOtherTutorCan()
    {
        var s = await SceneAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromHours(-2)), s.Delegate);
        await Data.UserAsync("other-tutor@test.example", "Otto Tutor", [Roles.Tutor]);
        var partner = await SignedInAsync("partner@test.example");

        var response = await partner.PostFormAsync($"/Partner/Feedback/{booking.Id}", new()
        {
            ["Input.Held"] = "true", ["Input.Notes"] = "Talked about baselines.", ["Input.Refer"] = "true",
            ["Input.ReferralReason"] = "Unsure what counts as whole-school change.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Partner", response.Headers.Location!.OriginalString);
        Assert.Contains("referred them to their tutor", Flash(await partner.GetDocumentAsync("/Partner")), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Held, await App.WithDbAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        var mail = await App.Smtp.WaitForMessageToAsync("tutor@test.example");
        Assert.Contains("Dana Delegate", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Unsure what counts as whole-school change.", mail.TextBody, StringComparison.Ordinal);

        var tutor = await SignedInAsync("tutor@test.example");
        var home = await tutor.GetDocumentAsync("/Tutor");
        Assert.Contains("Unsure what counts as whole-school change.", home.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Pip Partner", home.Text("main"), StringComparison.Ordinal);
        var referralId = await App.WithDbAsync(db => db.Referrals.Select(r => r.Id).SingleAsync());

        var otherTutor = await SignedInAsync("other-tutor@test.example");
        var otherHome = await otherTutor.GetDocumentAsync("/Tutor");
        Assert.DoesNotContain("Unsure what counts", otherHome.Text("main"), StringComparison.Ordinal);
        var sneaky = await otherTutor.PostAsync($"/Tutor?handler=DealtWith&referralId={referralId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(otherHome) }));
        Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Referrals.Select(r => r.DealtWithAt).SingleAsync()));

        var dealt = await tutor.SubmitAsync(home, [], "form[action*='DealtWith']");
        Assert.Equal(HttpStatusCode.Redirect, dealt.StatusCode);
        var after = await tutor.GetDocumentAsync("/Tutor");
        Assert.Contains("No referrals are waiting for you", after.Text(), StringComparison.Ordinal);
        Assert.Contains("1 referral already dealt with", after.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_IsRefusedBeforeTheStart_AndWhenAlreadyRecorded()
    {
        var s = await SceneAsync();
        var future = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(1)), s.Delegate);
        var second = await Data.DelegateAsync(s.Cohort, "sam@test.example", name: "Sam Second");
        var past = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(-1)), second);
        var client = await SignedInAsync("partner@test.example");

        var early = Html.Errors(await Html.ParseAsync(await client.PostFormAsync($"/Partner/Feedback/{future.Id}", new() { ["Input.Held"] = "true", ["Input.Notes"] = "n" })));
        Assert.Contains(early, e => e.StartsWith("This tutorial starts on 24 November 2026", StringComparison.Ordinal));

        var noChoice = Html.Errors(await Html.ParseAsync(await client.PostFormAsync($"/Partner/Feedback/{past.Id}", new() { ["Input.Notes"] = "n" })));
        Assert.Contains("Choose whether the tutorial was held or the delegate did not attend", noChoice);

        var noNotes = Html.Errors(await Html.ParseAsync(await client.PostFormAsync($"/Partner/Feedback/{past.Id}", new() { ["Input.Held"] = "true" })));
        Assert.Contains("Write a few notes on the issues discussed.", noNotes);

        var noReason = Html.Errors(await Html.ParseAsync(await client.PostFormAsync($"/Partner/Feedback/{past.Id}", new() { ["Input.Held"] = "false", ["Input.Refer"] = "true" })));
        Assert.Contains(noReason, e => e.StartsWith("Give the reason for the referral", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Partner/Feedback/{past.Id}", new() { ["Input.Held"] = "false" })).StatusCode);
        Assert.Equal(BookingStatus.NoShow, await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == past.Id).Select(b => b.Status).SingleAsync()));
        var again = Html.Errors(await Html.ParseAsync(await client.PostFormAsync($"/Partner/Feedback/{past.Id}", new() { ["Input.Held"] = "true", ["Input.Notes"] = "n" })));
        Assert.Contains("Feedback on this tutorial has already been recorded.", again);
    }

    [Fact]
    public async Task Team_FeedbackOutstanding_AfterTwoWorkingDays()
    {
        var s = await SceneAsync();
        await Data.ProgrammeTeamAsync();
        // Monday 23 November 2026, 09:00; the clock says 10:00.
        await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromHours(-1)), s.Delegate);

        // The sign-in cookie does not outlive days of clock travel, so sign in on each day.
        App.Clock.Advance(TimeSpan.FromDays(2));
        var client = await SignedInAsync("team@test.example");
        var wednesday = await client.GetDocumentAsync("/Programme/Tutorials?flag=overdue");
        Assert.Contains("No tutorials match these filters", wednesday.Text(), StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromDays(1));
        client = await SignedInAsync("team@test.example");
        var thursday = await client.GetDocumentAsync("/Programme/Tutorials?flag=overdue");
        Assert.Contains("Dana Delegate", thursday.Text("#bookings"), StringComparison.Ordinal);
        Assert.Contains("Feedback outstanding", thursday.Text("#bookings"), StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackOutstanding_SkipsWeekendsAndBankHolidays()
    {
        // Thursday 24 December 2026: Christmas Day, Boxing Day (substitute Monday 28th) and the weekend do not count.
        var holidays = Roundtable.Web.Projects.ProjectCalendar.ShippedHolidays;
        Assert.False(TutorialQueries.IsFeedbackOverdue(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 30), holidays));
        Assert.True(TutorialQueries.IsFeedbackOverdue(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31), holidays));
    }

    [Fact]
    public async Task Team_LateCancellations_CanHaveTheirAllowanceRestored()
    {
        var s = await SceneAsync();
        await Data.ProgrammeTeamAsync();
        var late = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(-1)), s.Delegate, status: BookingStatus.LateCancelled);
        var second = await Data.DelegateAsync(s.Cohort, "sam@test.example", name: "Sam Second");
        await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(3)), second);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Tutorials?flag=late");
        Assert.Contains("Dana Delegate", page.Text("#bookings"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Second", page.Text("#bookings"), StringComparison.Ordinal);
        Assert.Contains("1 Late cancellations", page.Text(".rt-stats"), StringComparison.Ordinal);

        var response = await client.SubmitAsync(page, [], "form[action*='handler=Restore']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await App.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == late.Id));
        Assert.NotNull(after.AllowanceRestoredAt);
        Assert.Null(after.AllowanceProject);
        var list = await client.GetDocumentAsync("/Programme/Tutorials?flag=late");
        Assert.Contains("Restored the delegate's allowance", Flash(list), StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("form[action*='handler=Restore']"));

        var detail = await client.GetDocumentAsync($"/Programme/Tutorials/Booking/{late.Id}");
        Assert.Contains("Pat Team Allowance restored", detail.Text("#history"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Programme/Tutorials/Booking/99999")).StatusCode);
        var partner = await SignedInAsync("partner@test.example");
        Assert.Equal(HttpStatusCode.Redirect, (await partner.GetAsync($"/Programme/Tutorials/Booking/{late.Id}")).StatusCode);
    }

    [Fact]
    public async Task Team_StatusFilter_ShowsOnlyThatStatus()
    {
        var s = await SceneAsync();
        await Data.ProgrammeTeamAsync();
        var second = await Data.DelegateAsync(s.Cohort, "sam@test.example", name: "Sam Second");
        await App.FeedbackAsync(await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(-3)), s.Delegate), held: false);
        await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(3)), second, outsideWindow: true);
        var client = await SignedInAsync("team@test.example");

        var noShows = await client.GetDocumentAsync("/Programme/Tutorials?status=NoShow");
        Assert.Contains("Dana Delegate", noShows.Text("#bookings"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Second", noShows.Text("#bookings"), StringComparison.Ordinal);
        var outside = await client.GetDocumentAsync("/Programme/Tutorials?flag=outside");
        Assert.Contains("Sam Second", outside.Text("#bookings"), StringComparison.Ordinal);
        Assert.DoesNotContain("Dana Delegate", outside.Text("#bookings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_NoticePeriod_DecidesWhetherACancellationIsLate()
    {
        var s = await SceneAsync();
        await Data.ProgrammeTeamAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromHours(60)), s.Delegate);
        var client = await SignedInAsync("team@test.example");

        var bad = await client.PostFormAsync("/Programme/Tutorials", new() { ["Notice"] = "400" }, "form[action*='handler=Notice']");
        Assert.Contains("Enter the notice period in hours, a whole number from 1 to 336", Html.Errors(await Html.ParseAsync(bad)));
        var response = await client.PostFormAsync("/Programme/Tutorials", new() { ["Notice"] = "72" }, "form[action*='handler=Notice']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(72, await App.WithDbAsync(db => db.TutorialSettings.Select(t => t.NoticeHours).SingleAsync()));

        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<TutorialBookings>().CancelAsync(booking.Id,
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.NameIdentifier, s.Delegate.Id), new(System.Security.Claims.ClaimTypes.Role, Roles.Delegate)], "Test")),
            "Inspection");

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(BookingStatus.LateCancelled, outcome.Value!.Status);
    }

    [Fact]
    public async Task Team_OverridesAWindow_AndTheBookingIsNoLongerFlagged()
    {
        var s = await SceneAsync();
        await Data.ProgrammeTeamAsync();
        var booking = await App.BookingAsync(await App.SlotAsync(s.Profile, TimeSpan.FromDays(3)), s.Delegate, outsideWindow: true);
        var participantId = await Data.ParticipantIdAsync(s.Delegate);
        var client = await SignedInAsync("team@test.example");

        var page = await client.GetDocumentAsync("/Programme/Tutorials/Windows");
        // The cohort starts on 23 July 2026: tutorial 1 to 23 October 2026; the booking is on 26 November.
        Assert.Contains("23 July 2026 to 23 October 2026 (booked for 26 November 2026)", page.Text("#windows"), StringComparison.Ordinal);
        Assert.Contains("26 January 2027 to 26 February 2027", page.Text("#windows"), StringComparison.Ordinal);

        var missing = await client.SubmitAsync(page, new() { ["Input.ParticipantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Project"] = "1" });
        Assert.Contains(Html.Errors(await Html.ParseAsync(missing)), e => e.StartsWith("Give a reason", StringComparison.Ordinal));

        var response = await client.SubmitAsync(page, new()
        {
            ["Input.ParticipantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Project"] = "1", ["Input.Reason"] = "Joined late",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.OutsideWindow).SingleAsync()));
        var after = await client.GetDocumentAsync("/Programme/Tutorials/Windows");
        Assert.Contains("Dana Delegate Tutorial 1 Joined late", after.Text("#overrides"), StringComparison.Ordinal);
        Assert.Contains("Dana Delegate's tutorial 1 may now fall outside its window", Flash(after), StringComparison.Ordinal);
    }
}
